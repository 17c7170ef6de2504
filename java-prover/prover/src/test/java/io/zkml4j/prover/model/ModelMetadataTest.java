package io.zkml4j.prover.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ModelMetadataTest {

    static ModelMetadata sample(ModelMetadata.Calibration calibration) {
        return new ModelMetadata("digits.onnx", "0".repeat(63) + "a", List.of(1, 4), 2,
                new ModelMetadata.Settings(13, 16, 10, Map.of("b", 9), 12, 2, Map.of("b", 30, "a", 29), "private",
                        "public", true),
                List.of("output[0]", "output[1]", "label"), "1234567890123456789",
                new ModelMetadata.Circuit(80, 70, 7, "b".repeat(64)),
                List.of(new ModelMetadata.LayerCost("input", "RangeCheck", List.of(1, 4), 64),
                        new ModelMetadata.LayerCost("label", "Argmax", List.of(1), 13),
                        new ModelMetadata.LayerCost("publicOutputs", "Output", List.of(3), 3)),
                calibration);
    }

    static final ModelMetadata.Calibration CAL = new ModelMetadata.Calibration(50, 0.98, 0.0125, 0.003, 1);

    @Test
    void roundTripsThroughJson() {
        for (ModelMetadata m : List.of(sample(CAL), sample(null))) {
            String json = m.toJson();
            ModelMetadata back = ModelMetadata.parse(json, "model.json");
            assertThat(back).isEqualTo(m);
            assertThat(back.toJson()).isEqualTo(json);
        }
        assertThat(sample(CAL).toJson()).startsWith("{\n  \"format\": \"zkml4j-model\",\n  \"version\": 1,")
                .contains("\"accumulatorBits\": {\n      \"a\": 29,\n      \"b\": 30\n    }");
        assertThat(sample(null).toJson()).contains("\"calibration\": null");
    }

    @Test
    void settingsConvertToTheCompilersAndBack() {
        ModelMetadata.Settings s = new ModelMetadata.Settings(13, 16, 10, Map.of("b", 9), 12, 2, Map.of("a", 29),
                "hashed", "hashed", false);
        io.zkml4j.ml.compile.ModelSettings ms = s.toModelSettings();
        assertThat(ms.inputVisibility()).isEqualTo(io.zkml4j.ml.compile.Visibility.HASHED);
        assertThat(ms.outputVisibility()).isEqualTo(io.zkml4j.ml.compile.Visibility.HASHED);
        assertThat(ms.weightScaleOf("b")).isEqualTo(9);
        assertThat(ModelMetadata.Settings.of(ms, 12, 2)).isEqualTo(s);
    }

    private static void assertRejected(Consumer<ObjectNode> edit, String... messageParts) {
        ObjectNode root = (ObjectNode) StrictJson.MAPPER.valueToTree(parseTree(sample(CAL).toJson()));
        edit.accept(root);
        assertThatThrownBy(() -> ModelMetadata.parse(root.toString(), "dir/model.json"))
                .isInstanceOf(ModelException.class).hasMessageStartingWith("dir/model.json: ")
                .hasMessageContainingAll(messageParts);
    }

    private static Object parseTree(String json) {
        try {
            return StrictJson.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void strictValidationNamesTheField() {
        assertRejected(r -> r.put("version", 2), "field version", "unsupported version 2", "reads version 1");
        assertRejected(r -> r.put("format", "other"), "field format", "not a zkml4j model.json");
        assertRejected(r -> r.remove("version"), "field version: missing");
        assertRejected(r -> r.remove("circuit"), "field circuit: missing");
        assertRejected(r -> ((ObjectNode) r.get("settings")).remove("inputBits"), "field settings.inputBits: missing");
        assertRejected(r -> r.put("extra", 1), "field extra: unknown key");
        assertRejected(r -> ((ObjectNode) r.get("settings")).put("inputBits", "16"), "field settings.inputBits",
                "expected an integer but got \"16\"");
        assertRejected(r -> ((ObjectNode) r.get("settings")).put("inputBits", 99), "settings.inputBits",
                "[2, 32]");
        assertRejected(r -> ((ObjectNode) r.get("settings")).put("inputVisibility", "secret"),
                "settings.inputVisibility", "private, public, hashed");
        assertRejected(r -> ((ObjectNode) r.get("settings")).put("outputVisibility", "private"),
                "settings.outputVisibility", "public, hashed");
        assertRejected(r -> ((ObjectNode) r.get("settings").get("weightScales")).put("b", 31),
                "field settings.weightScales.b", "[0, 30]");
        assertRejected(r -> r.put("commitment", "0x12"), "field commitment", "decimal");
        assertRejected(r -> ((ObjectNode) r.get("layers").get(0)).remove("op"), "field layers[0].op: missing");
        assertRejected(r -> ((ObjectNode) r.get("source")).put("sha256", "xyz"), "field source.sha256",
                "64 lower-case hex");
        assertRejected(r -> ((ObjectNode) r.get("input")).put("size", 5), "field input.size", "holds 4 values");
        assertRejected(r -> ((ArrayNode) r.get("publicSignals")).removeAll(), "field publicSignals", "at least one");
        assertRejected(r -> ((ObjectNode) r.get("circuit")).put("constraints", 81), "field layers",
                "add up to 80");
        assertRejected(r -> ((ObjectNode) r.get("calibration")).put("labelAgreement", "NaN"),
                "calibration.labelAgreement");
        assertThatThrownBy(() -> ModelMetadata.parse("[1]", "m.json")).isInstanceOf(ModelException.class)
                .hasMessage("m.json: expected a JSON object but got an array");
        assertThatThrownBy(() -> ModelMetadata.parse("{\"format\": ", "m.json")).isInstanceOf(ModelException.class)
                .hasMessageStartingWith("m.json: invalid JSON");
    }
}
