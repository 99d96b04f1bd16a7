package org.loopmlp.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of one long task (a campaign, a big build, a benchmark): a bar with rate and time left
 * on a terminal, plain periodic lines when the output is not a terminal (a log, a pipe, a test).
 */
public interface Progress extends AutoCloseable {
  /** {@code n} more units are done. */
  void advance(long n);

  /** A campaign's reports (done so far, out of the total) shown as advances of this bar. */
  default org.loopmlp.verify.Progress campaign() {
    long[] reported = {0};
    return (done, total) -> {
      if (done > reported[0]) {
        advance(done - reported[0]);
        reported[0] = done;
      }
    };
  }

  default void advance() {
    advance(1);
  }

  /** Ends the task (prints the final line). */
  @Override
  void close();

  /** Ends the task without the final line (the caller prints its own). */
  default void closeQuietly() {
    close();
  }

  /**
   * Starts a task of {@code total} units named {@code task}: a progress bar when a terminal is
   * attached, otherwise plain lines on {@code err} at most every {@code 5} seconds.
   */
  static Progress start(PrintWriter err, String task, long total, String unit) {
    if (System.console() != null) {
      return new Bar(task, total, unit);
    }
    return new Lines(err, task, total, unit, Duration.ofSeconds(5), System::nanoTime);
  }

  /** A task that prints nothing. */
  static Progress silent() {
    return new Progress() {
      @Override
      public void advance(long n) {}

      @Override
      public void close() {}
    };
  }

  /** The terminal form: me.tongfei progress bar on stderr. */
  final class Bar implements Progress {
    private final ProgressBar bar;

    Bar(String task, long total, String unit) {
      this.bar = new ProgressBarBuilder()
          .setTaskName(task)
          .setInitialMax(total)
          .setStyle(ProgressBarStyle.ASCII)
          .setUnit(" " + unit, 1)
          .showSpeed()
          .setConsumer(new ConsoleProgressBarConsumer(System.err))
          .build();
    }

    @Override
    public void advance(long n) {
      bar.stepBy(n);
    }

    @Override
    public void close() {
      bar.close();
    }
  }

  /** The plain form: {@code task: done/total (p%), rate/s, about T left}, then a final line. */
  final class Lines implements Progress {
    private final PrintWriter out;
    private final String task;
    private final long total;
    private final String unit;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long startNanos;
    private long lastPrintNanos;
    private long done;
    private boolean closed;

    Lines(PrintWriter out, String task, long total, String unit, Duration interval,
        LongSupplier clock) {
      this.out = out;
      this.task = task;
      this.total = total;
      this.unit = unit;
      this.intervalNanos = interval.toNanos();
      this.clock = clock;
      this.startNanos = clock.getAsLong();
      this.lastPrintNanos = startNanos;
    }

    @Override
    public synchronized void advance(long n) {
      done += n;
      long now = clock.getAsLong();
      if (now - lastPrintNanos >= intervalNanos && done < total) {
        lastPrintNanos = now;
        double seconds = (now - startNanos) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        String left = rate > 0 ? ", about " + duration((total - done) / rate) + " left" : "";
        out.printf(Locale.ROOT, "%s: %d/%d %s (%d%%), %s %s/s%s%n", task, done, total, unit,
            total == 0 ? 100 : done * 100 / total, rate(rate), unit, left);
        out.flush();
      }
    }

    @Override
    public synchronized void closeQuietly() {
      closed = true;
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      double seconds = (clock.getAsLong() - startNanos) / 1e9;
      out.printf(Locale.ROOT, "%s: %d %s in %s%n", task, done, unit, duration(seconds));
      out.flush();
    }

    private static String rate(double r) {
      return r >= 100 ? String.format(Locale.ROOT, "%.0f", r)
          : String.format(Locale.ROOT, "%.1f", r);
    }

    static String duration(double seconds) {
      if (seconds < 60) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
      }
      long s = Math.round(seconds);
      return s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
          : String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
  }
}
