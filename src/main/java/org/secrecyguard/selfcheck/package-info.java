/**
 * The whole-PC self-check (保密自查): walks the user's disks at low priority, reads only what changed
 * since the last check or what a rules update could change (a local SQLite index of size, time and
 * verdict, never text), and reports every flagged file to the secrecy office (CSV, a printable page,
 * a {@code SELF_CHECK} event). Depends on scan, rules, events, engine and platform; never on JavaFX.
 */
package org.secrecyguard.selfcheck;
