package org.secrecyguard.ui;

import com.sun.glass.ui.Application;
import com.sun.glass.ui.Timer;
import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets the JavaFX pulse timer sleep while nothing is animating, on Linux (GTK) too.
 *
 * <p>JavaFX pauses its pulse timer 250 ms after the last animation or redraw request and resumes it on
 * the next one, but the GTK timer's pause and resume do nothing: the GTK main loop (the JavaFX thread)
 * wakes at the pulse rate for the life of the process, calling into Java each time although no pulse
 * follows. In the idle resident app that was most of its CPU (docs/benchmarks.md). This timer makes
 * pause stop the GTK timer and resume start a new one at the same period, so an idle app's JavaFX
 * thread sleeps; the first pulse after idle comes one period after the request (33 ms at 30 Hz).
 *
 * <p>It replaces the toolkit's private timer by reflection, which works where JavaFX runs from the class
 * path (the application jar); anywhere else (module path, another glass platform) nothing changes.
 */
final class IdlePulseTimer extends Timer {
    private static final Logger LOG = Logger.getLogger(IdlePulseTimer.class.getName());

    private final Runnable tick;
    private int period;
    private Timer gtk;

    private IdlePulseTimer(Runnable tick) {
        super(tick);
        this.tick = tick;
    }

    /** Swaps the toolkit's GTK pulse timer for a pausing one; call on the JavaFX thread. */
    static void install() {
        try {
            Object toolkit = com.sun.javafx.tk.Toolkit.getToolkit();
            Field timerField = toolkit.getClass().getDeclaredField("pulseTimer");
            Field runnableField = toolkit.getClass().getDeclaredField("timerRunnable");
            Field intervalField = toolkit.getClass().getDeclaredField("PULSE_INTERVAL");
            timerField.setAccessible(true);
            runnableField.setAccessible(true);
            intervalField.setAccessible(true);
            synchronized (toolkit) { // QuantumToolkit pauses and resumes its timer under this lock
                Timer old = (Timer) timerField.get(toolkit);
                if (old == null || !old.getClass().getName().equals("com.sun.glass.ui.gtk.GtkTimer")
                        || !old.isRunning()) {
                    return;
                }
                IdlePulseTimer timer = new IdlePulseTimer((Runnable) runnableField.get(toolkit));
                timer.start(intervalField.getInt(toolkit));
                timerField.set(toolkit, timer);
                old.stop();
            }
            LOG.fine("JavaFX pulse timer pauses when idle");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "JavaFX pulse timer left as it is", e);
        }
    }

    @Override
    protected long _start(Runnable runnable) {
        throw new UnsupportedOperationException("vsync timer not supported");
    }

    @Override
    protected synchronized long _start(Runnable runnable, int period) {
        this.period = period;
        startGtk();
        return 1;
    }

    @Override
    protected synchronized void _stop(long ptr) {
        stopGtk();
    }

    /** Called from the tick itself: the GTK source ends at its next expiry, the tick in progress ends normally. */
    @Override
    protected synchronized void _pause(long ptr) {
        stopGtk();
    }

    @Override
    protected synchronized void _resume(long ptr) {
        if (gtk == null) {
            startGtk();
        }
    }

    private void startGtk() {
        gtk = Application.GetApplication().createTimer(tick);
        gtk.start(period);
    }

    private void stopGtk() {
        if (gtk != null) {
            gtk.stop();
            gtk = null;
        }
    }
}
