package org.loopmlp.fuzz;

import static com.google.common.base.Preconditions.checkState;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.loopmlp.certcheck.CertificateChecker;
import org.loopmlp.cli.Configs;
import org.loopmlp.cli.IntRange;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.exact.NetworkFormatException;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.asm.ClassicAssembler;
import org.loopmlp.isa.asm.SqAssembler;
import org.loopmlp.isa.asm.SqFormatException;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.SlqFormatException;
import org.loopmlp.isa.classic.SlqImage;
import org.loopmlp.prove.PaperProver;
import org.loopmlp.prove.ProgressListener;
import picocli.CommandLine.TypeConversionException;

/**
 * Every parser of the toolkit as a {@link FuzzTarget}, with valid seeds. Adding a parser is one
 * entry in {@link #all}.
 */
final class FuzzTargets {
  private FuzzTargets() {}

  /** Every target; files the parsers read are written under {@code work}. */
  static List<FuzzTarget> all(Path repository, Path work) throws IOException {
    Construction paper = Constructions.build("paper", MachineConfig.of(2, 1, 1));
    Network network = paper.network();
    byte[] networkText = networkText(network, work);
    byte[] exampleNetwork = exampleNetwork();
    byte[] certificate = certificate(paper, work);
    List<FuzzTarget> targets = new ArrayList<>();
    targets.add(FuzzTarget.of("sq", sqSeeds(repository), SqFormatException.class,
        in -> SqAssembler.parse(new String(in, StandardCharsets.UTF_8), "fuzz.sq")));
    targets.add(FuzzTarget.of("network", List.of(networkText, exampleNetwork),
        NetworkFormatException.class, in -> NetworkFormat.read(write(work, "n.txt", in))));
    targets.add(FuzzTarget.of("network.gz", List.of(gzip(networkText), gzip(exampleNetwork)),
        NetworkFormatException.class, in -> NetworkFormat.read(write(work, "n.txt.gz", in))));
    // The checker reports every malformed certificate as REJECTED (a Result), never by throwing;
    // its message must not echo raw bytes (control characters) to a terminal.
    targets.add(FuzzTarget.of("certificate", List.of(certificate), NoError.class,
        in -> printable(CertificateChecker.check(network, write(work, "c.txt", in)).message())));
    // A gzip stream that is corrupt cannot be read at all: that is an IOException (exit 2).
    targets.add(FuzzTarget.of("certificate.gz", List.of(gzip(certificate)), IOException.class,
        in -> printable(CertificateChecker.check(network, write(work, "c.gz", in)).message())));
    targets.add(FuzzTarget.of("config", ascii("8,4,4", "16,10,10", " 2,1,1", "32,20,20"),
        TypeConversionException.class, in -> Configs.parse(new String(in, StandardCharsets.UTF_8))));
    targets.add(FuzzTarget.of("range", ascii("4..12", "8", "-3..3", " 1 .. 20 "),
        TypeConversionException.class, in -> IntRange.parse(new String(in, StandardCharsets.UTF_8))));
    targets.add(CommandLineTarget.run(repository.resolve("examples/countdown.sq")));
    // .slq memory images: parsed, then loaded into a small and a large machine (words that do
    // not fit, images longer than memory); the seeds are classic images written here.
    targets.add(FuzzTarget.of("slq", ascii(
        "# prints Hi\n9 -1 3 10 -1 6 0 0 -1 72 105\n",
        "\r\n# echo\r\n-1 12 3\t12 -1 6 15 12 9 13 13 0 0 0 0 -1\r\n",
        "-128 127 +5 -0 00017 # tail comment\n#\n"), SlqFormatException.class,
        in -> {
          SlqImage image = SlqImage.parse("fuzz.slq", new String(in, StandardCharsets.UTF_8));
          image.load(ClassicConfig.of(8, 4));
          image.load(ClassicConfig.of(32, 10));
        }));
    targets.add(FuzzTarget.of("classic-sq", classicSqSeeds(repository), SqFormatException.class,
        in -> ClassicAssembler.parse(new String(in, StandardCharsets.UTF_8), "fuzz.sq")));
    return targets;
  }

  /** Thrown by nothing: a target whose parser must never throw. */
  static final class NoError extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private static void printable(String message) {
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new AssertionError("the message echoes control character " + (int) c + ": "
            + message.replaceAll("\\p{Cntrl}", "?"));
      }
    }
  }

  private static List<byte[]> classicSqSeeds(Path repository) throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    try (Stream<Path> s = Files.list(repository.resolve("examples/classic"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".sq")).sorted().toList()) {
        seeds.add(Files.readAllBytes(p));
      }
    }
    return seeds;
  }

  private static List<byte[]> sqSeeds(Path repository) throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    try (Stream<Path> s = Files.list(repository.resolve("examples"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".sq")).sorted().toList()) {
        seeds.add(Files.readAllBytes(p));
      }
    }
    // Every accepted form of SPEC §4 in one program: BOM, CRLF, pc=, hex, signs, arrays,
    // unlabelled data, stacked labels, offsets, '.', omitted c, HALT.
    seeds.add(("\uFEFF.config code=3 word=12 data=4 pc=1 ; keys in any order\r\n"
        + ".data\r\nZ: 0\r\nARR: 0x1F -0x20 +7 -2048\r\n5 6\r\nFIRST:\r\nSECOND: THIRD: 2047\r\n"
        + ".code\r\nstart: ARR ARR+1 .+2\r\n  ARR+3 SECOND\r\n  Z Z start+1\r\n"
        + ".data\r\nLAST: 1\r\n.code\r\nloop: LAST LAST .-1\r\n  0x0 1 0\r\nend: HALT\r\n")
        .getBytes(StandardCharsets.UTF_8));
    return seeds;
  }

  private static List<byte[]> ascii(String... texts) {
    return Stream.of(texts).map(t -> t.getBytes(StandardCharsets.US_ASCII)).toList();
  }

  private static Path write(Path dir, String name, byte[] bytes) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    return f;
  }

  private static byte[] networkText(Network network, Path work) throws IOException {
    Path f = work.resolve("seed-network.txt");
    NetworkFormat.write(network, f);
    return Files.readAllBytes(f);
  }

  /** The example of SPEC §10.3 (rationals, a 63-bit weight, labels with spaces), with its hash. */
  private static byte[] exampleNetwork() {
    String body = "loopmlp-network 1\nlayers 2\nnames 3\nname pc\nname mem[0] bit\nname  x\n"
        + "layer 0 inputs 3 outputs 2 nonzeros 3\nlabel first layer\nrow 0 1/2 2 0:1 2:-7/3\n"
        + "row 1 0 1 1:4611686018427387904\nlayer 1 inputs 2 outputs 3 nonzeros 3\nlabel\n"
        + "row 0 -4 2 0:12 1:3\nrow 1 0 0\nrow 2 1 1 1:1\n";
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(body.getBytes(StandardCharsets.UTF_8));
      return (body + "end " + HexFormat.of().formatHex(hash) + "\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] certificate(Construction construction, Path work) throws IOException {
    Path f = work.resolve("seed-certificate.txt");
    checkState(PaperProver.proveAndCertify(construction, f, ProgressListener.NONE).proved());
    return Files.readAllBytes(f);
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
