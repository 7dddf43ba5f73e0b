/**
 * Rules: what every PC looks for and how it reacts, authored centrally and distributed as signed bundles.
 *
 * <ul>
 *   <li>{@link org.secrecyguard.rules.RuleStore} — the rules database (SQLite, versioned schema, in-place
 *       upgrades); {@link org.secrecyguard.rules.RuleStore#loadSnapshot()} gives an immutable
 *       {@link org.secrecyguard.rules.RuleSnapshot}.</li>
 *   <li>{@link org.secrecyguard.rules.RuleBundle} — signs ({@code create}) and checks ({@code verify}) bundles;
 *       {@link org.secrecyguard.rules.SigningKeys} — the Ed25519 keys.</li>
 *   <li>{@link org.secrecyguard.rules.RuleUpdater} — the agent side: polls a
 *       {@link org.secrecyguard.rules.FolderSource} or {@link org.secrecyguard.rules.HttpSource}, verifies,
 *       installs atomically, publishes in {@link org.secrecyguard.rules.ActiveRules}, reports to an
 *       {@link org.secrecyguard.rules.UpdateListener}; its state file ({@code updater-state.json}) keeps the
 *       highest version applied (older bundles are refused as {@code ROLLBACK}) and the last ETag per source.</li>
 * </ul>
 *
 * <p>Wiring in the app (sketch):
 * <pre>{@code
 * ActiveRules<Engine> rules = new ActiveRules<>(s -> new Engine(List.of(
 *                 new MarkingDetector(s.markingLevels()),
 *                 new KeywordDetector(s.deploymentKey(), s.keywords())),   // + the fingerprint detector
 *         s.info().versionLabel()), Baseline.engine());
 * RuleUpdater updater = RuleUpdater.builder()
 *         .source(new HttpSource(URI.create(config.rulesUrl())))      // or new FolderSource(Path.of(share))
 *         .publicKey(SigningKeys.readPublic(installDir.resolve("rules.pub")))
 *         .rulesDir(dataDir.resolve("rules"))
 *         .activeRules(rules)
 *         .listener(eventsListener)
 *         .interval(Duration.ofMinutes(15))
 *         .build();
 * updater.loadInstalled();   // verify and activate what the last run installed
 * updater.start();           // poll; updater.checkNow() for a "check now" button
 * Engine engine = rules.value();                          // per scan: one consistent engine
 * Policy policy = new Policy(rules.current().snapshot().policy());   // null snapshot = baseline
 * }</pre>
 */
package org.secrecyguard.rules;
