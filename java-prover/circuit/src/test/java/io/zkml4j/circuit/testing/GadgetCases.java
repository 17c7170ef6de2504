package io.zkml4j.circuit.testing;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.BoolVar;
import io.zkml4j.circuit.Circuit;
import io.zkml4j.circuit.HintOverrides;
import io.zkml4j.circuit.Var;
import io.zkml4j.circuit.gadgets.ArgmaxGadget;
import io.zkml4j.circuit.gadgets.BitsGadget;
import io.zkml4j.circuit.gadgets.ComparisonGadget;
import io.zkml4j.circuit.gadgets.FloorDivGadget;
import io.zkml4j.circuit.gadgets.PoseidonGadget;
import io.zkml4j.circuit.gadgets.ReluRescaleGadget;
import io.zkml4j.circuit.poseidon.Poseidon;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * One {@link GadgetCase} per gadget, small enough for a Groth16 round trip (at most 2^8
 * constraints), shared by the three test tiers. Every attack replaces hint outputs the way a
 * malicious prover would; the expected constraint name pins where the gadget catches it.
 */
public final class GadgetCases {

    private static final String BITS = BitsGadget.HINT;

    private GadgetCases() {
    }

    /** All cases. */
    public static List<GadgetCase> all() {
        return List.of(toBits(), rangeCheck(), isLess(), floorDiv(), reluRescale(), argmax(), isZero(), poseidon());
    }

    private static Supplier<HintOverrides> override(String id, int call, java.util.function.UnaryOperator<Fr[]> f) {
        return () -> HintOverrides.of(id, call, f);
    }

    private static Fr[] set(Fr[] v, int i, long value) {
        v[i] = Fr.of(value);
        return v;
    }

    private static Fr[] allOnes(Fr[] v) {
        Arrays.fill(v, Fr.ONE);
        return v;
    }

    private static Fr[] allZeros(Fr[] v) {
        Arrays.fill(v, Fr.ZERO);
        return v;
    }

    /** 181 into 8 bits; outputs the bits. */
    public static GadgetCase toBits() {
        Circuit c = api -> {
            Var x = api.privateInput("x", 181);
            BoolVar[] bits = new BitsGadget(api).toBits(x, 8);
            for (int i = 0; i < 8; i++) {
                api.publicOutput("bit" + i, bits[i]);
            }
        };
        List<Fr> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            out.add(Fr.of((181 >> i) & 1));
        }
        return new GadgetCase("toBits(181, 8)", c, out, List.of(
                new GadgetCase.Attack("a flipped low bit", c, override(BITS, 0, v -> set(v, 0, 0)), "toBits8/bit[7]"),
                new GadgetCase.Attack("a non-boolean bit (2)", c, override(BITS, 0, v -> set(v, 1, 2)),
                        "toBits8/bit[1]"),
                new GadgetCase.Attack("bit 6 set (x + 64 claimed)", c,
                        override(BITS, 0, v -> set(v, 6, 1)), "toBits8/bit[7]")));
    }

    private static Circuit range(long x) {
        return api -> {
            Var v = api.privateInput("x", x);
            new BitsGadget(api).assertInRange(v, 8);
            api.publicOutput("x", v);
        };
    }

    /** 255 in [0, 2^8); 256 is not, whatever the prover does. */
    public static GadgetCase rangeCheck() {
        return new GadgetCase("assertInRange(255, 8)", range(255), List.of(Fr.of(255)), List.of(
                new GadgetCase.Attack("an out-of-range value 256 (honest bits)", range(256), HintOverrides::none,
                        "range/toBits8/bit[7]"),
                new GadgetCase.Attack("an out-of-range value 256 with all-ones low bits", range(256),
                        override(BITS, 0, GadgetCases::allOnes), "range/toBits8/bit[7]"),
                new GadgetCase.Attack("a negative value -1", range(-1), override(BITS, 0, GadgetCases::allOnes),
                        "range/toBits8/bit[7]")));
    }

    /** isLess(1000, -3) with 16-bit signed operands: 0, and isLessOrEqual(-3, 1000): 1. */
    public static GadgetCase isLess() {
        Circuit c = api -> {
            Var a = api.privateInput("a", 1000);
            Var b = api.privateInput("b", -3);
            ComparisonGadget cmp = new ComparisonGadget(api, 16);
            api.publicOutput("lt", cmp.isLess(a, b));
            api.publicOutput("le", cmp.isLessOrEqual(b, a));
        };
        return new GadgetCase("isLess(1000, -3)", c, List.of(Fr.ZERO, Fr.ONE), List.of(
                new GadgetCase.Attack("claim 1000 < -3 (all-ones low bits)", c,
                        override(BITS, 0, GadgetCases::allOnes), "isLess/toBits17/bit[16]"),
                new GadgetCase.Attack("claim -3 > 1000 (zero low bits)", c, override(BITS, 1, GadgetCases::allZeros),
                        "isLessOrEqual/isLess/toBits17/bit[16]")));
    }

    /** floor(-1000 / 2^8) = -4 remainder 24, with B = 16. */
    public static GadgetCase floorDiv() {
        Circuit c = api -> {
            Var x = api.privateInput("x", -1000);
            FloorDivGadget.Result r = new FloorDivGadget(api, 16, 8).divide(x);
            api.publicOutput("q", r.quotient());
            api.publicOutput("r", r.remainder());
        };
        return new GadgetCase("floorDiv(-1000, 2^8)", c, List.of(Fr.of(-4), Fr.of(24)), List.of(
                new GadgetCase.Attack("a wrong remainder (0)", c, override(BITS, 0, v -> {
                    for (int i = 0; i < 8; i++) {
                        v[i] = Fr.ZERO;
                    }
                    return v;
                }), "floorDiv/toBits16/bit[15]"),
                new GadgetCase.Attack("quotient + 1 (bit 8 flipped)", c,
                        override(BITS, 0, v -> set(v, 8, v[8].isZero() ? 1 : 0)), "floorDiv/toBits16/bit[15]"),
                new GadgetCase.Attack("a remainder of 2^8 + 24 (non-boolean bit)", c,
                        override(BITS, 0, v -> set(v, 7, 3)), "floorDiv/toBits16/bit[7]")));
    }

    private static Circuit relu(long acc) {
        return api -> {
            Var a = api.privateInput("acc", acc);
            api.publicOutput("y", new ReluRescaleGadget(api, 16, 8).apply(a));
        };
    }

    /** ReLU + rescale of 5000 by 2^8 with B = 16: 19. */
    public static GadgetCase reluRescale() {
        Circuit c = relu(5000);
        return new GadgetCase("reluRescale(5000, B=16, k=8)", c, List.of(Fr.of(19)), List.of(
                new GadgetCase.Attack("ReLU forced to 0 on a positive accumulator (sign bit 0, low bits all ones)", c,
                        override(BITS, 0, GadgetCases::allOnes), "reluRescale/toBits16/bit[15]"),
                new GadgetCase.Attack("a wrong output (bit 8 flipped)", c,
                        override(BITS, 0, v -> set(v, 8, v[8].isZero() ? 1 : 0)), "reluRescale/toBits16/bit[15]"),
                new GadgetCase.Attack("a negative accumulator passed as positive", relu(-5000),
                        override(BITS, 0, GadgetCases::allZeros), "reluRescale/toBits16/bit[15]"),
                new GadgetCase.Attack("an accumulator of 2^15, outside the calibrated range", relu(1 << 15),
                        HintOverrides::none, "reluRescale/toBits16/bit[15]")));
    }

    /** argmax of [3, -7, 9, 9] with 8-bit signed values: index 2 (ties go to the lowest index), max 9. */
    public static GadgetCase argmax() {
        Circuit c = api -> {
            List<Var> xs = new ArrayList<>();
            long[] v = {3, -7, 9, 9};
            for (int i = 0; i < v.length; i++) {
                xs.add(api.privateInput("x" + i, v[i]));
            }
            ArgmaxGadget.Result r = new ArgmaxGadget(api, 8).argmax(xs);
            api.publicOutput("index", r.index());
            api.publicOutput("max", r.max());
        };
        return new GadgetCase("argmax([3, -7, 9, 9])", c, List.of(Fr.of(2), Fr.of(9)), List.of(
                new GadgetCase.Attack("the tie resolved to index 3", c, override(BITS, 2, GadgetCases::allOnes),
                        "argmax/step3/isLess/toBits9/bit[8]"),
                new GadgetCase.Attack("a smaller value claimed larger (index 1)", c,
                        override(BITS, 0, GadgetCases::allZeros), "argmax/step1/isLess/toBits9/bit[8]")));
    }

    /** isZero(5) = 0 and isZero(0) = 1. */
    public static GadgetCase isZero() {
        Circuit c = api -> {
            Var a = api.privateInput("a", 5);
            Var z = api.privateInput("z", 0);
            api.publicOutput("isZero5", api.isZero(a));
            api.publicOutput("isZero0", api.isZero(z));
            api.publicOutput("inv5", api.inverse(a));
        };
        return new GadgetCase("isZero/inverse", c, List.of(Fr.ZERO, Fr.ONE, Fr.of(5).inverse()), List.of(
                new GadgetCase.Attack("isZero(5) claimed 1 with the honest inverse", c,
                        override("api.isZero.v1", 0, v -> set(v, 1, 1)), "isZero.inverse"),
                new GadgetCase.Attack("isZero(5) claimed 1 with inverse 0", c,
                        override("api.isZero.v1", 0, v -> new Fr[] {Fr.ZERO, Fr.ONE}), "isZero.zero"),
                new GadgetCase.Attack("isZero(0) claimed 0", c, override("api.isZero.v1", 1, v -> set(v, 1, 0)),
                        "isZero.inverse"),
                new GadgetCase.Attack("a wrong inverse of 5", c, override("api.inverse.v1", 0, v -> set(v, 0, 3)),
                        "inverse")));
    }

    private static Circuit preimage(Fr claimed) {
        return api -> {
            Var x = api.privateInput("x", 42);
            Var h = api.publicInput("h", claimed);
            api.assertEqual(new PoseidonGadget(api).hash(x), h, "hashMatches");
            api.publicOutput("double", api.mulConst(x, 2));
        };
    }

    /** Knowledge of a Poseidon preimage: Poseidon(42) = h (public input). */
    public static GadgetCase poseidon() {
        Fr h = Poseidon.hash(Fr.of(42));
        return new GadgetCase("poseidon preimage of 42", preimage(h), List.of(Fr.of(84), h), List.of(
                new GadgetCase.Attack("a wrong claimed hash", preimage(h.add(Fr.ONE)), HintOverrides::none,
                        "hashMatches")));
    }
}
