package io.zkml4j.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.circuit.gadgets.ArgmaxGadget;
import io.zkml4j.circuit.gadgets.BitsGadget;
import io.zkml4j.circuit.gadgets.ComparisonGadget;
import io.zkml4j.circuit.gadgets.FloorDivGadget;
import io.zkml4j.circuit.gadgets.PoseidonGadget;
import io.zkml4j.circuit.gadgets.ReluRescaleGadget;
import io.zkml4j.circuit.testing.ConstraintCountSnapshot;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact cost of every gadget at fixed sizes in {@code src/test/resources/constraint-counts.csv}
 * ({@code name,constraints,witnesses}; witnesses = internal variables, inputs excluded), like gnark's
 * {@code internal/stats/latest_stats.csv}. Any change fails. After an intended change regenerate
 * with {@code mvn -pl java-prover/circuit test -Dtest=ConstraintCountRegressionTest
 * -Dzkml.counts.update=true} and commit the diff; the switch is refused when {@code CI=true}.
 */
class ConstraintCountRegressionTest {

    private static final Path CSV = Path.of("src/test/resources/constraint-counts.csv");

    private static Var[] inputs(CircuitApi api, int n) {
        Var[] v = new Var[n];
        for (int i = 0; i < n; i++) {
            v[i] = api.privateInput("x" + i, null);
        }
        return v;
    }

    /** The measured circuits, in file order. */
    static Map<String, Circuit> circuits() {
        Map<String, Circuit> m = new LinkedHashMap<>();
        m.put("api.mul", api -> api.mul(inputs(api, 2)[0], inputs(api, 1)[0]));
        m.put("api.isZero", api -> api.isZero(inputs(api, 1)[0]));
        m.put("api.select", api -> {
            Var[] x = inputs(api, 3);
            api.select(api.assertBool(x[0]), x[1], x[2]);
        });
        for (int n : new int[] {8, 16, 32}) {
            m.put("toBits_" + n, api -> new BitsGadget(api).toBits(inputs(api, 1)[0], n));
        }
        m.put("assertInRange_16", api -> new BitsGadget(api).assertInRange(inputs(api, 1)[0], 16));
        for (int n : new int[] {16, 32}) {
            m.put("isLess_" + n, api -> {
                Var[] x = inputs(api, 2);
                new ComparisonGadget(api, n).isLess(x[0], x[1]);
            });
        }
        m.put("assertLessOrEqual_16", api -> {
            Var[] x = inputs(api, 2);
            new ComparisonGadget(api, 16).assertLessOrEqual(x[0], x[1]);
        });
        m.put("reluRescale_B16_k8", api -> new ReluRescaleGadget(api, 16, 8).apply(inputs(api, 1)[0]));
        m.put("reluRescale_B32_k16", api -> new ReluRescaleGadget(api, 32, 16).apply(inputs(api, 1)[0]));
        m.put("floorDiv_B16_k8", api -> new FloorDivGadget(api, 16, 8).divide(inputs(api, 1)[0]));
        m.put("floorDiv_B32_k16", api -> new FloorDivGadget(api, 32, 16).divide(inputs(api, 1)[0]));
        m.put("max_10x16", api -> new ArgmaxGadget(api, 16).max(List.of(inputs(api, 10))));
        m.put("argmax_10x16", api -> new ArgmaxGadget(api, 16).argmax(List.of(inputs(api, 10))));
        m.put("oneHot_10", api -> new ArgmaxGadget(api, 16).oneHot(inputs(api, 1)[0], 10));
        for (int n : new int[] {1, 2, 3, 5}) {
            m.put("poseidon_" + n, api -> new PoseidonGadget(api).hash(inputs(api, n)));
        }
        return m;
    }

    @Test
    void countsMatchTheSnapshot() {
        ConstraintCountSnapshot.assertMatches(CSV, circuits());
    }

    @Test
    void documentedFormulasHold() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("toBits_8", 8);
        expected.put("toBits_32", 32);
        expected.put("isLess_16", 17);
        expected.put("reluRescale_B16_k8", 17);
        expected.put("reluRescale_B32_k16", 33);
        expected.put("floorDiv_B16_k8", 16);
        expected.put("max_10x16", 9 * 18);
        expected.put("argmax_10x16", 9 * 19 - 1);
        expected.put("oneHot_10", 20);
        expected.put("poseidon_2", 240);
        Map<String, Circuit> c = circuits();
        expected.forEach((name, n) -> assertThat(CountingBuilder.count(c.get(name)).constraints()).as(name)
                .isEqualTo(n));
    }
}
