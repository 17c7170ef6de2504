package io.zkml4j.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.circuit.gadgets.PoseidonGadget;
import io.zkml4j.circuit.gadgets.ReluRescaleGadget;
import io.zkml4j.circuit.poseidon.Poseidon;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.testchain.Snarkjs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zkml4j circuit exported to {@code .r1cs} + {@code .wtns} is set up, proven and verified by
 * snarkjs alone: our wire order, public-signal order and file layout are what snarkjs expects.
 * A tampered witness is refused by snarkjs's prover or its proof fails verification.
 */
class SnarkjsExportIT {

    @TempDir
    Path dir;

    /** A neuron: y = reluRescale(w·x + b), with a Poseidon commitment to x as a public output. */
    private static Circuit neuron(long x1, long x2) {
        return api -> {
            Var a = api.privateInput("x1", x1);
            Var b = api.privateInput("x2", x2);
            Var bias = api.publicInput("bias", 7);
            Var acc = api.add(api.add(api.mulConst(a, 3), api.mulConst(api.mul(a, b), -2)), bias);
            api.publicOutput("y", new ReluRescaleGadget(api, 16, 2).apply(acc));
            api.publicOutput("commitment", new PoseidonGadget(api).hash(a, b));
        };
    }

    @Test
    void snarkjsSetsUpProvesAndVerifiesAnExportedCircuit() throws Exception {
        Snarkjs snarkjs = Snarkjs.locate();
        R1csBuilder.Result r = R1csBuilder.build(neuron(40, 3));
        assertThat(r.r1cs().check(r.witness()).isSatisfied()).isTrue();
        Path r1cs = dir.resolve("circuit.r1cs");
        Path wtns = dir.resolve("witness.wtns");
        r.export(r1cs, wtns);

        Snarkjs.R1csInfo info = snarkjs.r1csInfo(r1cs);
        assertThat(info.constraints()).isEqualTo(r.r1cs().numConstraints());
        assertThat(info.outputs()).isEqualTo(2);
        assertThat(info.publicInputs()).isEqualTo(1);

        Path ptau = snarkjs.cachedPreparedPtau(9);
        Path zkey = dir.resolve("circuit.zkey");
        Path vk = dir.resolve("vk.json");
        snarkjs.groth16Setup(r1cs, ptau, zkey);
        snarkjs.zkeyExportVerificationKey(zkey, vk);
        Path proof = dir.resolve("proof.json");
        Path pub = dir.resolve("public.json");
        snarkjs.groth16Prove(zkey, wtns, proof, pub);
        assertThat(snarkjs.groth16Verify(vk, pub, proof)).isTrue();
        // acc = 3·40 − 2·120 + 7 = −113 → ReLU 0; public.json: outputs then the public input.
        String publicJson = Files.readString(pub).replaceAll("\\s", "");
        assertThat(publicJson).isEqualTo("[\"0\",\"" + Poseidon.hash(Fr.of(40), Fr.of(3)).toBigInteger()
                + "\",\"7\"]");

        // A positive neuron with its output public signal changed: the proof must not verify.
        R1csBuilder.Result honest = R1csBuilder.build(neuron(40, -3));
        assertThat(honest.publicSignals().get(0)).isEqualTo(Fr.of((120 + 240 + 7) >> 2));
        Path forged = dir.resolve("forged.wtns");
        honest.export(dir.resolve("same.r1cs"), dir.resolve("honest.wtns"));
        io.zkml4j.r1cs.WtnsFile.write(honest.witness().with(1, Fr.ZERO), forged);
        Path proof2 = dir.resolve("proof2.json");
        Path pub2 = dir.resolve("public2.json");
        boolean provedForged;
        try {
            snarkjs.groth16Prove(zkey, forged, proof2, pub2);
            provedForged = snarkjs.groth16Verify(vk, pub2, proof2);
        } catch (RuntimeException e) {
            provedForged = false;
        }
        assertThat(provedForged).isFalse();
        snarkjs.groth16Prove(zkey, dir.resolve("honest.wtns"), proof2, pub2);
        assertThat(snarkjs.groth16Verify(vk, pub2, proof2)).isTrue();
    }
}
