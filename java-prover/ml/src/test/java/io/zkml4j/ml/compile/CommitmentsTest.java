package io.zkml4j.ml.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.Circuit;
import io.zkml4j.circuit.CountingBuilder;
import io.zkml4j.circuit.Var;
import io.zkml4j.circuit.poseidon.Poseidon;
import io.zkml4j.circuit.testing.Runs;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The documented packing and Poseidon chain, natively and in a circuit (equal, with the stated cost). */
class CommitmentsTest {

    @Test
    void packingAndChainAreTheDocumentedOnes() {
        // b = 4: K = 63 values per element; (v + 8) in 4-bit digits, least significant first
        assertThat(Commitments.pack(new long[] {-8, 7, 0}, 4)).containsExactly(Fr.of(0 + (15 << 4) + (8 << 8)));
        assertThat(Commitments.valuesPerElement(16)).isEqualTo(15);
        List<Fr> e = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            e.add(Fr.of(1000 + i));
        }
        Fr first = Poseidon.hash(e.subList(0, 16));
        List<Fr> second = new ArrayList<>(List.of(first));
        second.addAll(e.subList(16, 31));
        Fr acc = Poseidon.hash(second);
        List<Fr> third = new ArrayList<>(List.of(acc));
        third.addAll(e.subList(31, 40));
        assertThat(Commitments.chain(e)).isEqualTo(Poseidon.hash(third));
        assertThat(Commitments.chain(e.subList(0, 3))).isEqualTo(Poseidon.hash(e.subList(0, 3)));
        // salt first, then 16 values of 16 bits: 15 in p0, 1 in p1
        long[] v = new long[16];
        v[15] = 5;
        BigInteger p0 = BigInteger.ZERO;
        for (int i = 14; i >= 0; i--) {
            p0 = p0.shiftLeft(16).add(BigInteger.valueOf(1 << 15));
        }
        assertThat(Commitments.commit(Fr.of(7), v, 16))
                .isEqualTo(Poseidon.hash(Fr.of(7), Fr.of(p0), Fr.of(5 + (1 << 15))));
        assertThatThrownBy(() -> Commitments.pack(new long[] {8}, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Value 8 at index 0");
    }

    @ParameterizedTest(name = "{0} values of {1} bits")
    @CsvSource({"1,2", "3,16", "64,16", "300,9", "1000,32", "17,62"})
    void circuitCommitmentEqualsTheNativeOneAtTheStatedCost(int m, int b) {
        RandomGenerator rng = Runs.rng("CommitmentsTest." + m + "." + b);
        long[] v = new long[m];
        for (int i = 0; i < m; i++) {
            v[i] = rng.nextInt(6) == 0 ? -(1L << (b - 1)) : rng.nextLong(-(1L << (b - 1)), 1L << (b - 1));
        }
        Fr salt = Fr.random(rng);
        Circuit c = api -> {
            List<Var> xs = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                xs.add(api.privateInput("v" + i, v[i]));
            }
            api.publicOutput("c", Commitments.commit(api, api.privateInput("salt", salt), xs, b));
        };
        assertThat(Runs.outputs(c)).containsExactly(Commitments.commit(salt, v, b));
        assertThat((long) CountingBuilder.count(c).constraints()).isEqualTo(Commitments.commitCost(m, b) + 1);
    }

    /**
     * Known answers computed with circomlibjs 0.1.7 ({@code buildPoseidon}) by the construction the
     * class comment documents, written in JavaScript with BigInt:
     * <pre>
     * const H = (a) =&gt; F.toObject(poseidon(a));
     * function chain(e) { let acc = H(e.slice(0, 16));
     *   for (let i = 16; i &lt; e.length; i += 15) acc = H([acc, ...e.slice(i, i + 15)]); return acc; }
     * function pack(v, b) { const K = Math.floor(253 / b), out = [];
     *   for (let j = 0; j * K &lt; v.length; j++) { let p = 0n;
     *     for (let i = Math.min(K, v.length - j * K) - 1; i &gt;= 0; i--)
     *       p = (p &lt;&lt; BigInt(b)) + BigInt(v[j * K + i]) + (1n &lt;&lt; BigInt(b - 1));
     *     out.push(p); } return out; }
     * const commit = (salt, v, b) =&gt; chain([salt, ...pack(v, b)]);
     * </pre>
     */
    @Test
    void matchesCircomlibjs() {
        long[] v = new long[300];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 7919L) % 65536 - 32768;
        }
        assertThat(Commitments.commit(Fr.of(123456789), v, 16)).isEqualTo(Fr.of(new BigInteger(
                "13397115856895951309312849154385341863272426294196126608194436246608815123817")));
        assertThat(Commitments.commit(Fr.of(987654321), new long[] {-16, 15, 0, 3, -1, 7, 9, 2, 0, 1, 4}, 5))
                .isEqualTo(Fr.of(new BigInteger(
                        "8213910754246700453536922496289586539011876578800235846345483145439720082525")));
        List<Fr> e = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            e.add(Fr.of(1000 + i));
        }
        assertThat(Commitments.chain(e)).isEqualTo(Fr.of(new BigInteger(
                "7778797334693818533739074643742335878155539067619563963851144491881093150185")));
    }
}
