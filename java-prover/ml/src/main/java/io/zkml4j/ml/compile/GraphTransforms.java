package io.zkml4j.ml.compile;

import io.zkml4j.ml.graph.Attributes;
import io.zkml4j.ml.graph.FloatEvaluator;
import io.zkml4j.ml.graph.FloatTensor;
import io.zkml4j.ml.graph.ModelGraph;
import io.zkml4j.ml.graph.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Float-level rewrites applied before quantization, each exact up to float rounding (tests compare
 * the float outputs before and after):
 * <ul>
 *   <li>{@code Gemm} (any alpha, beta, transB; transA = 0) and {@code MatMul} by a 2-D initializer
 *       become a canonical {@code Gemm} with weights [N, K] (transB = 1), alpha = beta = 1 and a bias
 *       vector [N];</li>
 *   <li>{@code Add} of an initializer directly after a canonical Gemm or a Conv (whose output feeds
 *       nothing else) is folded into the bias;</li>
 *   <li>{@code BatchNormalization} directly after a Gemm or Conv is folded into its weights and
 *       bias: {@code W' = W·γ/√(σ²+ε)}, {@code b' = (b − μ)·γ/√(σ²+ε) + β} per output channel;</li>
 *   <li>{@code Identity} is removed;</li>
 *   <li>a {@code BatchNormalization} that no Gemm or Conv precedes (e.g. after a pooling layer) but that
 *       feeds a canonical Gemm, directly or through Reshape/Flatten nodes that nothing else reads, is folded
 *       forward into that Gemm: with {@code a_c = γ_c/√(σ²_c+ε)} and {@code β'_c = β_c − μ_c·a_c},
 *       {@code W'[j][i] = W[j][i]·a_c(i)} and {@code b'_j = b_j + Σ_i W[j][i]·β'_c(i)}, where {@code c(i)}
 *       is the channel of flattened element {@code i}.</li>
 * </ul>
 * The last node of a folded group writes the group's final output name, so tensor names seen by
 * later nodes — and the float values under those names — are unchanged (except, for a forward fold,
 * the Reshape/Flatten tensors between the removed BatchNormalization and the Gemm, which now hold the
 * un-normalized values).
 */
public final class GraphTransforms {
    private GraphTransforms() {}

    /** The canonical form of {@code graph} (see the class comment). */
    public static ModelGraph canonicalize(ModelGraph graph) {
        Map<String, Integer> uses = new HashMap<>();
        for (Node n : graph.nodes()) {
            for (String in : n.inputs()) {
                uses.merge(in, 1, Integer::sum);
            }
        }
        for (String out : graph.outputNames()) {
            uses.merge(out, 1, Integer::sum);
        }
        Map<String, FloatTensor> inits = new java.util.LinkedHashMap<>(graph.initializers());
        Map<String, String> alias = new HashMap<>();
        List<Node> out = new ArrayList<>();
        for (Node original : graph.nodes()) {
            Node n = rename(original, alias);
            Node last = out.isEmpty() ? null : out.get(out.size() - 1);
            boolean foldable = last != null && n.input(0) != null && n.input(0).equals(last.output())
                    && uses.getOrDefault(last.output(), 0) == 1
                    && (last.opType().equals("Gemm") || last.opType().equals("Conv"));
            switch (n.opType()) {
                case "Identity" -> alias.put(n.output(), n.input(0));
                case "Gemm", "MatMul" -> {
                    if (n.input(1) != null && inits.containsKey(n.input(1))) {
                        out.add(canonicalGemm(n, inits));
                    } else {
                        out.add(n);
                    }
                }
                case "Add" -> {
                    String other = n.input(1);
                    String first = n.input(0);
                    if (first != null && inits.containsKey(first) && other != null && !inits.containsKey(other)) {
                        n = new Node(n.name(), "Add", List.of(other, first), n.outputs(), n.attributes());
                        other = first;
                        foldable = last != null && n.input(0).equals(last.output())
                                && uses.getOrDefault(last.output(), 0) == 1
                                && (last.opType().equals("Gemm") || last.opType().equals("Conv"));
                    }
                    if (foldable && other != null && inits.containsKey(other) && biasFoldable(last, inits, inits.get(other))) {
                        out.set(out.size() - 1, foldAdd(last, n, inits));
                    } else {
                        out.add(n);
                    }
                }
                case "BatchNormalization" -> {
                    if (foldable && allInitializers(n, inits)) {
                        out.set(out.size() - 1, foldBatchNorm(last, n, inits));
                    } else {
                        out.add(n);
                    }
                }
                default -> out.add(n);
            }
        }
        ModelGraph.Builder b = ModelGraph.builder().input(graph.inputName(), graph.inputShape());
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Node n : out) {
            used.addAll(n.inputs());
        }
        inits.forEach((k, v) -> {
            if (used.contains(k)) {
                b.initializer(k, v);
            }
        });
        out.forEach(b::node);
        for (String o : graph.outputNames()) {
            b.output(alias.getOrDefault(o, o));
        }
        return foldBatchNormForward(b.build());
    }

    /** Folds each BatchNormalization that feeds a canonical Gemm through Reshape/Flatten into that Gemm. */
    private static ModelGraph foldBatchNormForward(ModelGraph g) {
        if (g.nodes().stream().noneMatch(n -> n.opType().equals("BatchNormalization"))) {
            return g;
        }
        Map<String, Integer> uses = new HashMap<>();
        for (Node n : g.nodes()) {
            for (String in : n.inputs()) {
                uses.merge(in, 1, Integer::sum);
            }
        }
        g.outputNames().forEach(o -> uses.merge(o, 1, Integer::sum));
        Map<String, FloatTensor> shapes = FloatEvaluator.runAll(g, new float[g.inputSize()]);
        Map<String, FloatTensor> inits = new java.util.LinkedHashMap<>(g.initializers());
        List<Node> out = new ArrayList<>(g.nodes());
        for (int i = 0; i < out.size(); i++) {
            Node bn = out.get(i);
            if (!bn.opType().equals("BatchNormalization") || !allInitializers(bn, inits)) {
                continue;
            }
            int j = i + 1;
            String cur = bn.output();
            while (j < out.size() && uses.getOrDefault(cur, 0) == 1 && cur.equals(out.get(j).input(0))
                    && (out.get(j).opType().equals("Reshape") || out.get(j).opType().equals("Flatten"))) {
                cur = out.get(j++).output();
            }
            if (j >= out.size() || uses.getOrDefault(cur, 0) != 1 || !cur.equals(out.get(j).input(0))
                    || !isCanonicalGemm(out.get(j), inits)) {
                continue;
            }
            int[] shape = shapes.get(bn.input(0)).shape();
            Node gemm = foldBatchNormInto(bn, out.get(j), shape, inits);
            out.set(j, gemm);
            Node next = out.get(i + 1);
            List<String> ins = new ArrayList<>(next.inputs());
            ins.set(0, bn.input(0));
            out.set(i + 1, new Node(next.name(), next.opType(), ins, next.outputs(), next.attributes()));
            out.remove(i--);
        }
        ModelGraph.Builder b = ModelGraph.builder().input(g.inputName(), g.inputShape());
        java.util.Set<String> used = new java.util.HashSet<>();
        out.forEach(n -> used.addAll(n.inputs()));
        inits.forEach((k, v) -> {
            if (used.contains(k)) {
                b.initializer(k, v);
            }
        });
        out.forEach(b::node);
        g.outputNames().forEach(b::output);
        return b.build();
    }

    /** A Gemm as {@link #canonicalGemm} leaves it: transB = 1, no other attribute, weights [N, K] and a bias. */
    private static boolean isCanonicalGemm(Node n, Map<String, FloatTensor> inits) {
        return n.opType().equals("Gemm") && n.attributes().getInt("transB", 0) == 1
                && n.attributes().getInt("transA", 0) == 0 && n.attributes().getFloat("alpha", 1f) == 1f
                && n.attributes().getFloat("beta", 1f) == 1f && n.input(1) != null
                && inits.containsKey(n.input(1)) && inits.get(n.input(1)).rank() == 2
                && (n.input(2) == null || (inits.containsKey(n.input(2))
                        && inits.get(n.input(2)).size() == inits.get(n.input(1)).dim(0)));
    }

    private static Node foldBatchNormInto(Node bn, Node gemm, int[] inShape, Map<String, FloatTensor> inits) {
        int ch = inShape.length < 2 ? 1 : inShape[1];
        int total = (int) io.zkml4j.ml.graph.Shapes.size(inShape);
        int per = 1;
        for (int d = 2; d < inShape.length; d++) {
            per *= inShape[d];
        }
        FloatTensor w = inits.get(gemm.input(1));
        int nOut = w.dim(0), k = w.dim(1);
        if (k != total) {
            throw new UnsupportedOperationException(bn.label() + ": folding into " + gemm.label() + " needs " + total
                    + " inputs but the Gemm reads " + k);
        }
        double[][] ab = affine(bn, inits, ch);
        float[] wd = w.data();
        float[] bias = biasOf(gemm, inits);
        for (int j = 0; j < nOut; j++) {
            double acc = bias[j];
            for (int i = 0; i < k; i++) {
                int c = (i / per) % ch;
                acc += (double) wd[j * k + i] * ab[1][c];
                wd[j * k + i] = (float) (wd[j * k + i] * ab[0][c]);
            }
            bias[j] = (float) acc;
        }
        return withBias(gemm, wd, w.shape(), bias, gemm.output(), inits);
    }

    /** Per channel {@code c}: {@code [0][c] = γ/√(σ²+ε)}, {@code [1][c] = β − μ·[0][c]}. */
    private static double[][] affine(Node bn, Map<String, FloatTensor> inits, int ch) {
        FloatTensor gamma = inits.get(bn.input(1));
        FloatTensor beta = inits.get(bn.input(2));
        FloatTensor mean = inits.get(bn.input(3));
        FloatTensor var = inits.get(bn.input(4));
        if (gamma.size() != ch || beta.size() != ch || mean.size() != ch || var.size() != ch) {
            throw new UnsupportedOperationException(bn.label() + ": BatchNormalization parameters of size "
                    + gamma.size() + " for " + ch + " channels");
        }
        double eps = bn.attributes().getFloat("epsilon", 1e-5f);
        double[][] ab = new double[2][ch];
        for (int c = 0; c < ch; c++) {
            ab[0][c] = gamma.get(c) / Math.sqrt(var.get(c) + eps);
            ab[1][c] = beta.get(c) - mean.get(c) * ab[0][c];
        }
        return ab;
    }

    private static Node rename(Node n, Map<String, String> alias) {
        if (alias.isEmpty()) {
            return n;
        }
        List<String> ins = n.inputs().stream().map(s -> alias.getOrDefault(s, s)).toList();
        return new Node(n.name(), n.opType(), ins, n.outputs(), n.attributes());
    }

    private static boolean allInitializers(Node n, Map<String, FloatTensor> inits) {
        for (int i = 1; i < 5; i++) {
            if (n.input(i) == null || !inits.containsKey(n.input(i))) {
                return false;
            }
        }
        return true;
    }

    private static String fresh(Map<String, FloatTensor> inits, String base) {
        String name = base;
        for (int i = 1; inits.containsKey(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** Gemm/MatMul → Gemm(A, W[N,K], b[N]) with transB = 1, alpha = beta = 1. */
    private static Node canonicalGemm(Node n, Map<String, FloatTensor> inits) {
        Attributes a = n.attributes();
        boolean gemm = n.opType().equals("Gemm");
        if (gemm && a.getInt("transA", 0) != 0) {
            throw new UnsupportedOperationException(n.label() + ": Gemm with transA = 1");
        }
        float alpha = gemm ? a.getFloat("alpha", 1f) : 1f;
        float beta = gemm ? a.getFloat("beta", 1f) : 1f;
        boolean transB = gemm && a.getInt("transB", 0) != 0;
        FloatTensor b = inits.get(n.input(1));
        if (b.rank() != 2) {
            throw new UnsupportedOperationException(n.label() + ": weights of rank " + b.rank());
        }
        int nOut = transB ? b.dim(0) : b.dim(1);
        int k = transB ? b.dim(1) : b.dim(0);
        float[] w = new float[nOut * k];
        for (int j = 0; j < nOut; j++) {
            for (int t = 0; t < k; t++) {
                w[j * k + t] = alpha * (transB ? b.get(j * k + t) : b.get(t * nOut + j));
            }
        }
        float[] bias = new float[nOut];
        String cName = gemm ? n.input(2) : null;
        if (cName != null) {
            FloatTensor c = inits.get(cName);
            if (c == null) {
                throw new UnsupportedOperationException(n.label() + ": Gemm bias must be an initializer");
            }
            if (!(c.size() == 1 || c.size() == nOut)) {
                throw new UnsupportedOperationException(n.label() + ": Gemm bias of shape "
                        + java.util.Arrays.toString(c.shape()) + " is not per output");
            }
            for (int j = 0; j < nOut; j++) {
                bias[j] = beta * c.get(c.size() == 1 ? 0 : j);
            }
        }
        String base = n.output();
        String wn = fresh(inits, base + "/weight");
        inits.put(wn, FloatTensor.of(new int[] {nOut, k}, w));
        String bn = fresh(inits, base + "/bias");
        inits.put(bn, FloatTensor.vector(bias));
        return new Node(n.name(), "Gemm", List.of(n.input(0), wn, bn), n.outputs(),
                Attributes.builder().putInt("transB", 1).build());
    }

    private static int channels(Node linear, Map<String, FloatTensor> inits) {
        return inits.get(linear.input(1)).dim(0);
    }

    private static boolean biasFoldable(Node linear, Map<String, FloatTensor> inits, FloatTensor c) {
        int ch = channels(linear, inits);
        if (c.size() == 1) {
            return true;
        }
        if (c.size() != ch) {
            return false;
        }
        int[] s = c.shape();
        if (linear.opType().equals("Gemm")) {
            return s[s.length - 1] == ch; // [N] or [1, N]
        }
        // Conv output [1, M, H, W]: a per-channel constant is [M, 1, 1] or [1, M, 1, 1]
        return s.length >= 3 && s[s.length - 3] == ch;
    }

    private static float[] biasOf(Node linear, Map<String, FloatTensor> inits) {
        int ch = channels(linear, inits);
        String b = linear.input(2);
        return b == null ? new float[ch] : inits.get(b).data();
    }

    private static Node withBias(Node linear, float[] w, int[] wShape, float[] bias, String output,
            Map<String, FloatTensor> inits) {
        String wn = fresh(inits, output + "/weight");
        inits.put(wn, FloatTensor.of(wShape, w));
        String bn = fresh(inits, output + "/bias");
        inits.put(bn, FloatTensor.vector(bias));
        return new Node(linear.name(), linear.opType(), List.of(linear.input(0), wn, bn), List.of(output),
                linear.attributes());
    }

    private static Node foldAdd(Node linear, Node add, Map<String, FloatTensor> inits) {
        FloatTensor c = inits.get(add.input(1));
        float[] bias = biasOf(linear, inits);
        for (int j = 0; j < bias.length; j++) {
            bias[j] += c.get(c.size() == 1 ? 0 : j);
        }
        FloatTensor w = inits.get(linear.input(1));
        return withBias(linear, w.data(), w.shape(), bias, add.output(), inits);
    }

    private static Node foldBatchNorm(Node linear, Node bn, Map<String, FloatTensor> inits) {
        FloatTensor w = inits.get(linear.input(1));
        int ch = w.dim(0);
        double[][] ab;
        try {
            ab = affine(bn, inits, ch);
        } catch (UnsupportedOperationException e) {
            throw new UnsupportedOperationException(bn.label() + ": BatchNormalization over "
                    + inits.get(bn.input(1)).size() + " channels after a layer with " + ch, e);
        }
        float[] wd = w.data();
        int per = wd.length / ch;
        float[] bias = biasOf(linear, inits);
        for (int c = 0; c < ch; c++) {
            for (int i = 0; i < per; i++) {
                wd[c * per + i] = (float) (wd[c * per + i] * ab[0][c]);
            }
            bias[c] = (float) ((bias[c] - inits.get(bn.input(3)).get(c)) * ab[0][c] + inits.get(bn.input(2)).get(c));
        }
        return withBias(linear, wd, w.shape(), bias, bn.output(), inits);
    }

    /** The op types that remain after canonicalization and {@link ModelCompiler} accepts. */
    static boolean isLinear(Node n) {
        return n.opType().equals("Gemm") || n.opType().equals("Conv");
    }

    static FloatTensor weights(ModelGraph g, Node n) {
        return g.initializer(n.input(1));
    }

    static float[] bias(ModelGraph g, Node n) {
        return n.input(2) == null ? new float[weights(g, n).dim(0)] : g.initializer(n.input(2)).data();
    }

    static FloatEvaluator.ConvParams convParams(ModelGraph g, Node n) {
        return FloatEvaluator.ConvParams.of(n.attributes(), weights(g, n).shape());
    }
}
