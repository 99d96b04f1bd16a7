package org.loopmlp.construction.classic;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.Neuron;
import org.loopmlp.construction.stage.LayerPlan;

/**
 * Write beside branch, 2 layers. Roles {@link ClassicRole#WRITE} and {@link ClassicRole#BRANCH}.
 *
 * <p>L1 {@code select}: with the write gate {@code g = op.sub + op.in} (a bit: the ops are
 * exclusive), {@code z[i].bit[j] = ReLU(s_i(b mod 2^A) + mem[i].bit[j] + g - 1)} and {@code
 * y[i].bit[j] = ReLU(s_i(b mod 2^A) + r.bit[j] + g - 1)}; for pc, with {@code run = op.sub +
 * op.in + op.out + op.echo}, {@code keep[t] = ReLU(pc.bit[t] - run)} (a halted pc stays), {@code
 * jump[t] = ReLU(rc.bit[t] + br - 1)}, {@code next[t] = ReLU(p3.bit[t] - br)} (p3 is 0 when
 * halted); rb, r, rc, p3, br and the op flags consumed.
 *
 * <p>L2 {@code update}: {@code mem[i].bit[j] = ReLU(mem[i].bit[j] - z[i].bit[j] +
 * y[i].bit[j])}, {@code pc.bit[t] = keep[t] + jump[t] + next[t]}.
 */
public final class ClassicWriteStage extends DeclaredClassicStage {
  private static final ClassicWriteStage INSTANCE = new ClassicWriteStage("write+branch");

  private ClassicWriteStage(String name) {
    super(name, ImmutableList.of(ClassicRole.WRITE, ClassicRole.BRANCH),
        regs -> ImmutableSet.<Register>builder().add(regs.rb(), regs.r(), regs.rc(), regs.p3(),
            regs.br(), regs.pc()).addAll(regs.ops()).addAll(regs.memory()).build(),
        regs -> ImmutableSet.<Register>builder().addAll(regs.memory()).add(regs.rb(), regs.r(),
            regs.pc(), regs.rc(), regs.p3(), regs.br()).addAll(regs.ops()).build());
  }

  public static ClassicWriteStage standard() {
    return INSTANCE;
  }

  Direction oldBit(int i, int j) {
    return hidden("z[" + i + "].bit[" + j + "]");
  }

  Direction newBit(int i, int j) {
    return hidden("y[" + i + "].bit[" + j + "]");
  }

  @Override
  public ImmutableList<LayerPlan> layers(ClassicRegisters regs) {
    int m = regs.config().memorySize();
    int n = regs.config().wordBits();
    List<Direction> address = AddressScore.addressBits(regs.rb(), regs.config().memoryBits());
    Affine gate = Affine.builder().plus(regs.opSub().bit(0), 1).plus(regs.opIn().bit(0), 1)
        .plusConstant(-1).build();
    LayerPlan.Builder select = LayerPlan.named("select");
    LayerPlan.Builder update = LayerPlan.named("update");
    for (int i = 0; i < m; i++) {
      Affine score = AddressScore.score(address, i).plus(gate);
      for (int j = 0; j < n; j++) {
        Direction mem = regs.mem(i).bit(j);
        select.add(Neuron.bit(oldBit(i, j), score.toBuilder().plus(mem, 1).build()));
        select.add(Neuron.bit(newBit(i, j), score.toBuilder().plus(regs.r().bit(j), 1)
            .build()));
        update.add(Neuron.bit(mem, Affine.builder().plus(mem, 1).plus(oldBit(i, j), -1)
            .plus(newBit(i, j), 1).build()));
      }
    }
    Affine.Builder run = Affine.builder();
    regs.ops().forEach(op -> run.plus(op.bit(0), 1));
    Affine running = run.build();
    Direction br = regs.br().bit(0);
    for (int t = 0; t < n; t++) {
      Direction keep = hidden("keep[" + t + "]");
      Direction jump = hidden("jump[" + t + "]");
      Direction next = hidden("next[" + t + "]");
      select.add(Neuron.bit(keep, Affine.of(regs.pc().bit(t)).minus(running)));
      select.add(Neuron.bit(jump, Affine.builder().plus(regs.rc().bit(t), 1).plus(br, 1)
          .plusConstant(-1).build()));
      select.add(Neuron.bit(next, Affine.builder().plus(regs.p3().bit(t), 1).plus(br, -1)
          .build()));
      update.add(Neuron.bit(regs.pc().bit(t), Affine.builder().plus(keep, 1).plus(jump, 1)
          .plus(next, 1).build()));
    }
    select.clear(regs.rb()).clear(regs.r()).clear(regs.rc()).clear(regs.p3()).clear(regs.br());
    regs.ops().forEach(select::clear);
    return ImmutableList.of(select.build(), update.build());
  }
}
