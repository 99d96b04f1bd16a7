package org.loopmlp.construction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.isa.MachineConfig;

/**
 * Assembly straight into primitive CSR arrays, with neuron families made on demand, builds the
 * same networks as the assembly through boxed rows it replaced: the SHA-256 of the network file
 * (every weight, bias, label and input name) and a digest of every layer's output names,
 * invariants and the lemmas equal the values recorded with the earlier assembly (commit
 * d1a0b72) at several sizes and constructions.
 */
class AssemblyIdentityTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({
      "paper, 2,1,1, 83b02ea9d3a14db8cd8edb035ddc335c033131b684f326fb75ba3278f68a0e36,"
          + " 2db218da917426c72cd334f6bbc9d856863435901e978b1df383057da46f65f2",
      "paper, 8,4,4, 3e301da2dcf5555372904173637864e4b4d257adce46f56e42a75d354efbaf65,"
          + " e306524b6393aea16d64be38e7dded6da7a1928b8ba18baa73377fba2a1c122d",
      "paper, 16,6,6, 631ab54e321f9331581555e5b926a563143024928e269c349671458703034d62,"
          + " 03a3a39f9b99a2bbd09c25c809da79e8d881596fd96f7ad4eb9d8c49bbf23a85",
      "compact, 8,4,4, 2e442625b9bfa8140ac5586c27ad44bcd508a473989c24fa33e286d71518ba1f,"
          + " e6a082afd216ed372f34f6d8853225f0c31ad2e881add885636961a91e1d44ca",
      "compact, 16,6,6, da0e9f34c5929becf7f832a9ffc4fb72d15d77764838b3f7e4fbd874848813cc,"
          + " 121e4bf997779a810b29ca0cee0e9a9cfc351e9ef63d06d591b9dec56f021a95",
      "fused, 4,2,2, f921be5f47676f6123fe23be173deb754206a11853815fb9a33b9042851a2cac,"
          + " 4994d3ee42cdcc078267dae811a47f89ffbf3323f9f965b5c7398f75995eac62",
      "shallow, 3,1,1, 9085e7973c8670dda783fae23254693e7a58a7eb72ce59f04a486a9f735b08be,"
          + " be97ff31481c54eb0f2bea80812e53c11abfd23aea665791c83809357d1f2976"})
  void theNetworkFileAndTheLayoutsAreUnchanged(String name, int n, int a, int c,
      String networkSha, String layoutSha) throws IOException, NoSuchAlgorithmException {
    Construction k = Constructions.build(name, MachineConfig.of(n, a, c));
    Path file = dir.resolve(name + n + a + c + ".txt");
    NetworkFormat.write(k.network(), file);
    List<String> lines = Files.readAllLines(file);
    // The file's last line is "end <SHA-256 of every line before it>".
    assertEquals("end " + networkSha, lines.get(lines.size() - 1));
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (LayerInfo l : k.layers()) {
      sha.update((l.label() + "|" + l.stageName() + "|" + l.outputLayout().names() + "|"
          + l.invariants() + "|" + l.outputLayout().regionNames() + "\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    k.lemmas().forEach(lemma -> sha.update(lemma.toString().getBytes(StandardCharsets.UTF_8)));
    assertEquals(layoutSha, HexFormat.of().formatHex(sha.digest()));
  }
}
