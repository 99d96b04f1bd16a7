package org.loopmlp.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.exact.Backend;
import org.loopmlp.isa.Example;
import org.loopmlp.isa.ExampleLibrary;
import org.loopmlp.isa.MachineConfig;

/**
 * Every example program hosted at (16,8,8) and (32,6,6), every pass in ONNX Runtime against the
 * exact backend, with passes per second of each in the same run. Tagged {@code campaign}: only
 * {@code -Pcampaign} runs it (the default run leaves the tag out);
 * the construction and sizes come from system properties, so that any construction plugs in by
 * name:
 *
 * <pre>
 * mvn -B verify -pl onnx -am -Pcampaign -Dtest=OnnxGoalTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dloopmlp.onnx.construction=paper -Dloopmlp.onnx.runs=16,8,8:float32,32,6,6:float32
 * </pre>
 *
 * A run whose format is known not to be exact for the construction reports where it first
 * differs instead of failing; {@code loopmlp.onnx.expect} lists the runs that must agree.
 */
@Tag("campaign")
class OnnxGoalTest {
  @Test
  void examplesAtTheGoalSizes() {
    String name = System.getProperty("loopmlp.onnx.construction", "paper");
    String runs = System.getProperty("loopmlp.onnx.runs",
        "16,8,8:float32,16,8,8:float16,32,6,6:float32,32,6,6:float16");
    List<String> expect = List.of(System.getProperty("loopmlp.onnx.expect", "16,8,8:float32")
        .split(";"));
    List<String> failures = new ArrayList<>();
    String[] parts = runs.split(",");
    for (int i = 0; i + 2 < parts.length; i += 3) {
      String[] last = parts[i + 2].split(":");
      MachineConfig config = MachineConfig.of(Integer.parseInt(parts[i]),
          Integer.parseInt(parts[i + 1]), Integer.parseInt(last[0]));
      String key = parts[i] + "," + parts[i + 1] + "," + parts[i + 2];
      Backend onnx = last[1].equals("float16") ? OnnxRuntimeBackend.FLOAT16
          : OnnxRuntimeBackend.FLOAT32;
      Construction c = Constructions.build(name, config);
      Backend.Compiled exact = PassByPass.exact(c);
      Backend.Compiled compiled = onnx.compile(c.network());
      long passes = 0;
      long exactNanos = 0;
      long onnxNanos = 0;
      List<String> differ = new ArrayList<>();
      List<Example> fitting = ExampleLibrary.all().stream()
          .filter(e -> PassByPass.fits(e.program().config(), config)).toList();
      for (Example e : fitting) {
        PassByPass.Result r = PassByPass.run(c, onnx, exact, compiled, e, 20_000);
        passes += r.passes();
        exactNanos += r.exactNanos();
        onnxNanos += r.otherNanos();
        r.difference().ifPresent(d -> differ.add(e.name() + " " + d));
      }
      System.out.printf(Locale.ROOT, "%s %s on %s: %d examples, %,d passes, %s; exact %.0f"
          + " passes/s, %s %.0f passes/s%n", name, config, onnx.name(),
          fitting.size(), passes, differ.isEmpty() ? "every pass equal"
              : differ.size() + " differ, first: " + differ.get(0),
          passes / (exactNanos / 1e9), onnx.name(), passes / (onnxNanos / 1e9));
      if (expect.contains(key) && !differ.isEmpty()) {
        failures.add(key + ": " + differ);
      }
    }
    assertTrue(failures.isEmpty(), failures.toString());
  }
}
