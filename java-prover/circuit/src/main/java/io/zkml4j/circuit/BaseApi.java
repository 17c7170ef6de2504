package io.zkml4j.circuit;

import io.zkml4j.algebra.field.Fr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The shared core of the three {@link CircuitApi} implementations: linear algebra on {@link Var},
 * constant folding, naming, hints and (when computing) witness values. Subclasses decide what a
 * new variable and a constraint {@code a·b = c} become.
 */
abstract class BaseApi implements CircuitApi {

    /** What a variable is, in circom's wire order. */
    enum Kind {
        OUTPUT, PUBLIC_INPUT, PRIVATE_INPUT, INTERNAL
    }

    private static final Var ONE = Var.ofConstant(Fr.ONE);

    private final boolean computing;
    private final HintOverrides overrides;
    /** Values by id (index 0 unused) when computing. */
    private final List<Fr> values = new ArrayList<>();
    private final List<Kind> kinds = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final Deque<String> path = new ArrayDeque<>();
    private final Map<String, Integer> hintCalls = new java.util.LinkedHashMap<>();

    BaseApi(boolean computing, HintOverrides overrides) {
        this.computing = computing;
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        values.add(Fr.ONE);
        kinds.add(null);
        names.add("one");
    }

    /** Records the constraint {@code a·b = c} (at least one side non-constant, all owned by this API). */
    abstract void enforce(Var a, Var b, Var c, String name);

    /** Checks ownership, then {@link #enforce}. */
    private void constrain(Var a, Var b, Var c, String name) {
        requireOwned(a);
        requireOwned(b);
        requireOwned(c);
        enforce(a, b, c, name);
    }

    private Var own(int id) {
        return Var.ofVariable(id, this);
    }

    private void requireOwned(Var v) {
        if (v.owner != null && v.owner != this) {
            throw new SynthesisException("A value of another circuit run was used at " + qualified("") + ": " + v);
        }
    }

    // ---- Variables -------------------------------------------------------------------------------

    final int newVariable(Kind kind, String name, Fr value) {
        int id = kinds.size();
        kinds.add(kind);
        names.add(name);
        if (computing) {
            if (value == null) {
                throw new SynthesisException("No value for " + kind.name().toLowerCase().replace('_', ' ') + " '"
                        + name + "'");
            }
            values.add(value);
        }
        return id;
    }

    final int numVariables() {
        return kinds.size() - 1;
    }

    final Kind kindOf(int id) {
        return kinds.get(id);
    }

    final String nameOf(int id) {
        return names.get(id);
    }

    final boolean computing() {
        return computing;
    }

    /** The value of {@code v}; only when computing. */
    final Fr eval(Var v) {
        requireOwned(v);
        Fr acc = v.constant;
        for (int i = 0; i < v.ids.length; i++) {
            acc = acc.add(v.coeffs[i].mul(values.get(v.ids[i])));
        }
        return acc;
    }

    final Fr value(int id) {
        return values.get(id);
    }

    private Var fresh(Kind kind, String name, java.util.function.Supplier<Fr> value) {
        return own(newVariable(kind, name, computing ? value.get() : null));
    }

    /** The outermost open namespace, or {@code ""} at the top level. */
    final String outermostNamespace() {
        return path.isEmpty() ? "" : path.peekFirst();
    }

    final String qualified(String label) {
        if (path.isEmpty()) {
            return label;
        }
        return String.join("/", path) + "/" + label;
    }

    /** Calls per hint id so far, in first-call order. */
    final java.util.Map<String, Integer> hintCalls() {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hintCalls));
    }

    final void finish() {
        if (computing) {
            overrides.requireAllApplied();
        }
    }

    // ---- Allocation ------------------------------------------------------------------------------

    @Override
    public Var publicInput(String name, Fr value) {
        return own(newVariable(Kind.PUBLIC_INPUT, qualified(name), value));
    }

    @Override
    public Var privateInput(String name, Fr value) {
        return own(newVariable(Kind.PRIVATE_INPUT, qualified(name), value));
    }

    @Override
    public Var publicOutput(String name, Var value) {
        Var out = fresh(Kind.OUTPUT, qualified(name), () -> eval(value));
        constrain(value, ONE, out, qualified("output " + name));
        return out;
    }

    @Override
    public Var constant(Fr value) {
        return Var.ofConstant(Objects.requireNonNull(value, "value"));
    }

    @Override
    public BoolVar constant(boolean value) {
        return BoolVar.ofConstant(value);
    }

    // ---- Arithmetic ------------------------------------------------------------------------------

    @Override
    public Var add(Var a, Var b) {
        return a.plus(b, Fr.ONE);
    }

    @Override
    public Var sum(List<? extends Var> terms) {
        return Var.combine(terms, null);
    }

    @Override
    public Var linearCombination(List<? extends Var> terms, List<Fr> factors) {
        if (terms.size() != factors.size()) {
            throw new SynthesisException(qualified("linearCombination") + ": " + terms.size() + " terms but "
                    + factors.size() + " factors");
        }
        return Var.combine(terms, factors);
    }

    @Override
    public Var sub(Var a, Var b) {
        return a.plus(b, Fr.ONE.neg());
    }

    @Override
    public Var neg(Var a) {
        return a.scale(Fr.ONE.neg());
    }

    @Override
    public Var mulConst(Var a, Fr k) {
        return a.scale(k);
    }

    @Override
    public Var addConst(Var a, Fr k) {
        return a.plusConstant(k);
    }

    @Override
    public Var divConst(Var a, Fr k) {
        if (k.isZero()) {
            throw new SynthesisException(qualified("divConst") + ": division by the constant 0");
        }
        return a.scale(k.inverse());
    }

    @Override
    public Var mul(Var a, Var b) {
        if (a.isConstant()) {
            return b.scale(a.constant);
        }
        if (b.isConstant()) {
            return a.scale(b.constant);
        }
        Var c = fresh(Kind.INTERNAL, qualified("mul"), () -> eval(a).mul(eval(b)));
        constrain(a, b, c, qualified("mul"));
        return c;
    }

    private static final String INVERSE_HINT = "api.inverse.v1";
    private static final String IS_ZERO_HINT = "api.isZero.v1";

    static {
        HintRegistry.register(INVERSE_HINT, new InverseHint());
        HintRegistry.register(IS_ZERO_HINT, new IsZeroHint());
    }

    /** {@code 1/x}; 0 for 0 (then the pinning constraint is unsatisfiable, as it must be). */
    private static final class InverseHint implements Hint {
        @Override
        public Fr[] solve(Fr[] in, int n) {
            return new Fr[] {in[0].isZero() ? Fr.ZERO : in[0].inverse()};
        }
    }

    /** Outputs (m, z): z = [x == 0], m = 1/x or 0. */
    private static final class IsZeroHint implements Hint {
        @Override
        public Fr[] solve(Fr[] in, int n) {
            boolean zero = in[0].isZero();
            return new Fr[] {zero ? Fr.ZERO : in[0].inverse(), zero ? Fr.ONE : Fr.ZERO};
        }
    }

    @Override
    public Var inverse(Var a) {
        if (a.isConstant()) {
            if (a.constant.isZero()) {
                throw new SynthesisException(qualified("inverse") + ": inverse of the constant 0");
            }
            return Var.ofConstant(a.constant.inverse());
        }
        Var inv = hint(INVERSE_HINT, 1, a)[0];
        constrain(a, inv, ONE, qualified("inverse"));
        return inv;
    }

    @Override
    public Var div(Var a, Var b) {
        if (b.isConstant()) {
            return divConst(a, b.constant);
        }
        return mul(a, inverse(b));
    }

    // ---- Booleans --------------------------------------------------------------------------------

    @Override
    public BoolVar not(BoolVar a) {
        return BoolVar.trusted(a.scale(Fr.ONE.neg()).plusConstant(Fr.ONE));
    }

    @Override
    public BoolVar and(BoolVar a, BoolVar b) {
        return BoolVar.trusted(mul(a, b));
    }

    @Override
    public BoolVar or(BoolVar a, BoolVar b) {
        return BoolVar.trusted(sub(add(a, b), mul(a, b)));
    }

    @Override
    public BoolVar xor(BoolVar a, BoolVar b) {
        return BoolVar.trusted(sub(add(a, b), mulConst(mul(a, b), Fr.of(2))));
    }

    @Override
    public Var select(BoolVar c, Var ifTrue, Var ifFalse) {
        if (c.isConstant()) {
            return c.constant.isZero() ? ifFalse : ifTrue;
        }
        return add(ifFalse, mul(c, sub(ifTrue, ifFalse)));
    }

    @Override
    public BoolVar isZero(Var a) {
        if (a.isConstant()) {
            return BoolVar.ofConstant(a.constant.isZero());
        }
        Var[] mz = hint(IS_ZERO_HINT, 2, a);
        Var m = mz[0];
        Var z = mz[1];
        constrain(a, m, ONE.plus(z, Fr.ONE.neg()), qualified("isZero.inverse"));
        constrain(a, z, Var.ofConstant(Fr.ZERO), qualified("isZero.zero"));
        return BoolVar.trusted(z);
    }

    // ---- Assertions ------------------------------------------------------------------------------

    @Override
    public void assertEqual(Var a, Var b, String label) {
        Var d = sub(a, b);
        if (d.isConstant()) {
            if (!d.constant.isZero()) {
                throw new SynthesisException("Assertion " + qualified(label) + " fails on constants: "
                        + a.constant.toSignedBigInteger() + " ≠ " + b.constant.toSignedBigInteger());
            }
            return;
        }
        constrain(d, ONE, Var.ofConstant(Fr.ZERO), qualified(label));
    }

    @Override
    public BoolVar assertBool(Var a, String label) {
        if (a.isConstant()) {
            if (!a.constant.isZero() && !a.constant.isOne()) {
                throw new SynthesisException("Assertion " + qualified(label) + " fails on the constant "
                        + a.constant.toSignedBigInteger() + " (not 0 or 1)");
            }
            return BoolVar.trusted(a);
        }
        constrain(a, a.plusConstant(Fr.ONE.neg()), Var.ofConstant(Fr.ZERO), qualified(label));
        return BoolVar.trusted(a);
    }

    @Override
    public void assertNonZero(Var a) {
        if (a.isConstant()) {
            if (a.constant.isZero()) {
                throw new SynthesisException("Assertion " + qualified("assertNonZero") + " fails on the constant 0");
            }
            return;
        }
        Var inv = hint(INVERSE_HINT, 1, a)[0];
        constrain(a, inv, ONE, qualified("assertNonZero"));
    }

    // ---- Hints -----------------------------------------------------------------------------------

    @Override
    public Var[] hint(String id, int numOutputs, Var... inputs) {
        if (numOutputs < 0) {
            throw new SynthesisException("Hint " + id + ": expected numOutputs >= 0 but got " + numOutputs);
        }
        for (Var in : inputs) {
            requireOwned(in);
        }
        Hint h = HintRegistry.get(id);
        int call = hintCalls.merge(id, 1, Integer::sum) - 1;
        Fr[] out = null;
        if (computing) {
            Fr[] in = new Fr[inputs.length];
            for (int i = 0; i < in.length; i++) {
                in[i] = eval(inputs[i]);
            }
            out = h.solve(in, numOutputs);
            if (out == null || out.length != numOutputs) {
                throw new SynthesisException("Hint " + id + " returned " + (out == null ? "null" : out.length
                        + " values") + " but " + numOutputs + " were asked for");
            }
            out = overrides.apply(id, call, out);
        }
        Var[] vars = new Var[numOutputs];
        String name = qualified(id + "#" + call);
        for (int i = 0; i < numOutputs; i++) {
            vars[i] = own(newVariable(Kind.INTERNAL, name + "[" + i + "]", out == null ? null : out[i]));
        }
        return vars;
    }

    // ---- Naming and inspection -------------------------------------------------------------------

    @Override
    public Namespace namespace(String name) {
        Objects.requireNonNull(name, "name");
        path.addLast(name);
        int depth = path.size();
        return () -> {
            if (path.size() != depth) {
                throw new SynthesisException("Namespaces closed out of order at " + String.join("/", path));
            }
            path.removeLast();
        };
    }

    @Override
    public Optional<Fr> valueOf(Var v) {
        return computing ? Optional.of(eval(v)) : Optional.empty();
    }
}
