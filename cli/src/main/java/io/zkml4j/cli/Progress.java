package io.zkml4j.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows one long step on stderr. Nothing appears during the first {@link #DEFAULT_DELAY} (short steps
 * stay silent); after that, in {@link Ui.ProgressMode#BAR} mode a progress bar (me.tongfei:progressbar)
 * is redrawn in place, and in {@link Ui.ProgressMode#PLAIN} mode one line such as
 * {@code zkml4j prove: msm-b2 (55%), 12.3 s} is printed every {@link #DEFAULT_INTERVAL}.
 *
 * <p>The worker calls {@link #stage} (from any thread); a daemon ticker thread owns the display. The
 * bar is given an explicit width, so the library never opens a terminal of its own (which could print
 * JLine warnings when stdout is piped). {@link #finish()} marks success (the bar ends at 100%);
 * {@link #close()} stops the display either way and must come before any summary line.
 */
final class Progress implements AutoCloseable {

    static final Duration DEFAULT_DELAY = Duration.ofSeconds(2);
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    private static final long TICK_MS = 100;
    private static final int BAR_MAX = 100;

    private final String task;
    private final Ui.ProgressMode mode;
    private final PrintStream err;
    private final int columns;
    private final boolean unicode;
    private final long delayNanos;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService ticker;

    private volatile String stage = "";
    private volatile double fraction = Double.NaN;
    private volatile boolean finished;

    // Owned by the ticker thread until close() has stopped it.
    private ProgressBar bar;
    private long nextPlainLine;
    private int plainLines;

    Progress(String task, Ui.ProgressMode mode, PrintStream err, int columns, boolean unicode, Duration delay,
             Duration interval) {
        this.task = task;
        this.mode = mode;
        this.err = err;
        this.columns = columns;
        this.unicode = unicode;
        this.delayNanos = delay.toNanos();
        this.intervalNanos = interval.toNanos();
        this.nextPlainLine = delayNanos;
        if (mode == Ui.ProgressMode.OFF) {
            ticker = null;
        } else {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "zkml4j-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** The step is now in stage {@code name}, with an unknown share of the work done. */
    void stage(String name) {
        stage(name, Double.NaN);
    }

    /**
     * The step is now in stage {@code name}, with {@code fractionDone} (0 to 1, or NaN when unknown) of
     * the work done.
     */
    void stage(String name, double fractionDone) {
        this.fraction = fractionDone;
        this.stage = name;
    }

    /** Time since the step started. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Marks the step as successfully done (a shown bar then ends at 100%). */
    void finish() {
        finished = true;
    }

    /** Stops the display; waits for the ticker so nothing is drawn after this returns. */
    @Override
    public void close() {
        if (ticker == null) {
            return;
        }
        ticker.shutdown();
        try {
            if (!ticker.awaitTermination(2, TimeUnit.SECONDS)) {
                ticker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (bar != null) {
            if (finished) {
                bar.maxHint(BAR_MAX);
                bar.stepTo(BAR_MAX);
                bar.setExtraMessage("done");
            }
            bar.close();
            bar = null;
        }
        err.flush();
    }

    private void tick() {
        try {
            long now = System.nanoTime() - start;
            if (now < delayNanos) {
                return;
            }
            if (mode == Ui.ProgressMode.BAR) {
                drawBar(now);
            } else if (now >= nextPlainLine) {
                err.println(plainLine(now));
                err.flush();
                plainLines++;
                nextPlainLine += intervalNanos * Math.max(1, (now - nextPlainLine) / intervalNanos + 1);
            }
        } catch (RuntimeException e) {
            // A display problem must never break the computation; stop drawing.
            ticker.shutdown();
        }
    }

    private void drawBar(long now) {
        double f = fraction;
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(Double.isNaN(f) ? -1 : BAR_MAX)
                    .setStyle(unicode ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(err, columns - 1))
                    .setUpdateIntervalMillis(250)
                    // Created at the current step: the library renders once at once, on its own thread,
                    // and a stepTo racing that first render could leave "0%" on a filled bar until
                    // the next change of progress (seen under load in ProgressTest).
                    .startsFrom(Double.isNaN(f) ? 0 : step(f), Duration.ofNanos(now))
                    .hideEta()
                    .build();
        }
        if (Double.isNaN(f)) {
            if (!bar.isIndefinite()) {
                bar.maxHint(-1);
            }
        } else {
            if (bar.isIndefinite()) {
                bar.maxHint(BAR_MAX);
            }
            bar.stepTo(step(f));
        }
        bar.setExtraMessage(stage);
    }

    private static long step(double fraction) {
        return Math.round(Math.min(1.0, Math.max(0.0, fraction)) * BAR_MAX);
    }

    /** {@code zkml4j prove: msm-b2 (55%), 12.3 s}. */
    String plainLine(long elapsedNanos) {
        double f = fraction;
        String percent = Double.isNaN(f) ? "" : String.format(Locale.ROOT, " (%d%%)", Math.round(f * 100));
        return String.format(Locale.ROOT, "zkml4j %s: %s%s, %.1f s", task, stage, percent, elapsedNanos / 1e9);
    }

    /** Number of plain lines printed so far (for tests). */
    int plainLines() {
        return plainLines;
    }
}
