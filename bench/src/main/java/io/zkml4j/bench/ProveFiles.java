package io.zkml4j.bench;

import io.zkml4j.algebra.curve.Msm;
import io.zkml4j.groth16.Groth16;
import io.zkml4j.groth16.ProofWithPublicSignals;
import io.zkml4j.groth16.ProveOptions;
import io.zkml4j.groth16.ProvingKey;
import io.zkml4j.groth16.json.SnarkjsJson;
import io.zkml4j.groth16.zkey.ZkeyFile;
import io.zkml4j.r1cs.Witness;
import io.zkml4j.r1cs.WtnsFile;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ProveFiles <circuit.zkey> <witness.wtns> <proof.json> <public.json> [repeats]}: proves like
 * {@code snarkjs groth16 prove} and prints wall-clock times (key loading, then each proof with its stage
 * breakdown), for comparisons with snarkjs (see {@code bench/scripts/compare-snarkjs.sh}). The first
 * proofs include JIT warm-up; the last is written. With {@code -Dzkml4j.bench.warmLanes=true} (and
 * {@code --add-modules jdk.incubator.vector}) it starts the vector kernels' warm-up first, which the
 * prover itself does only from 2^17 constraints, so that later proofs of smaller keys run on the lanes too.
 */
public final class ProveFiles {

    private ProveFiles() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: ProveFiles <circuit.zkey> <witness.wtns> <proof.json> <public.json> [repeats]");
            System.exit(2);
        }
        int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        if (Boolean.getBoolean("zkml4j.bench.warmLanes")) {
            Msm.warmUp();
        }
        long t0 = System.nanoTime();
        ProvingKey pk = ZkeyFile.read(Path.of(args[0]));
        Witness w = WtnsFile.read(Path.of(args[1]));
        long t1 = System.nanoTime();
        System.out.printf("load zkey + wtns: %.1f ms (%s)%n", (t1 - t0) / 1e6, pk);
        SecureRandom rng = new SecureRandom();
        ProofWithPublicSignals p = null;
        for (int i = 0; i < repeats; i++) {
            Map<String, Long> stages = new LinkedHashMap<>();
            long[] last = {System.nanoTime()};
            String[] lastStage = {null};
            long s = System.nanoTime();
            p = Groth16.prove(pk, w, rng, ProveOptions.defaults().withProgress((stage, f) -> {
                long now = System.nanoTime();
                if (lastStage[0] != null) {
                    stages.put(lastStage[0], now - last[0]);
                }
                lastStage[0] = stage;
                last[0] = now;
            }));
            long e = System.nanoTime();
            StringBuilder sb = new StringBuilder();
            stages.forEach((k, v) -> sb.append(String.format(" %s %.1f", k, v / 1e6)));
            System.out.printf("prove %d: %.1f ms (%s)%n", i + 1, (e - s) / 1e6, sb.toString().trim());
        }
        long t2 = System.nanoTime();
        SnarkjsJson.writeProof(p.proof(), Path.of(args[2]));
        SnarkjsJson.writePublicSignals(p.publicSignals(), Path.of(args[3]));
        System.out.printf("write json: %.1f ms%n", (System.nanoTime() - t2) / 1e6);
    }
}
