package org.loopmlp.distributed;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.prove.CaseWorker;
import org.loopmlp.prove.ClassicProver;
import org.loopmlp.prove.PaperProver;

/**
 * What an executor needs to search pieces of a proof: the machine ({@code paper} or {@code
 * classic}), the construction's name, its config ({@code c} unused for classic) and the case
 * budget. Each JVM builds the construction once and keeps its {@link CaseWorker}; constructions
 * are deterministic, so every executor searches the same network.
 */
record ProofJob(String machine, String construction, int n, int a, int c, long caseBudget)
    implements Serializable {
  private static final Map<ProofJob, CaseWorker> WORKERS = new ConcurrentHashMap<>();

  boolean classic() {
    return machine.equals("classic");
  }

  MachineConfig paperConfig() {
    return MachineConfig.of(n, a, c);
  }

  ClassicConfig classicConfig() {
    return ClassicConfig.of(n, a);
  }

  /** This JVM's worker for the job, built on first use. */
  CaseWorker worker() {
    return WORKERS.computeIfAbsent(this, j -> j.classic()
        ? ClassicProver.worker(ClassicConstruction.build(construction, classicConfig()),
            caseBudget)
        : PaperProver.worker(Constructions.build(construction, paperConfig()), caseBudget));
  }

  /** Makes {@code worker} this JVM's worker for the job (the driver's, for local executors). */
  void register(CaseWorker worker) {
    WORKERS.putIfAbsent(this, worker);
  }

  /** Forgets this JVM's worker (its network) once the job is done. */
  void release() {
    WORKERS.remove(this);
  }
}
