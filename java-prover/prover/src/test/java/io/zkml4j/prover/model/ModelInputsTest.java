package io.zkml4j.prover.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelInputsTest {

    static final int[] SHAPE = {1, 2, 2};

    @Test
    void acceptsOursEzklsAndNestedArrays() {
        assertThat(ModelInputs.parseInput("{\"input\": [1, 2.5, -3, 0]}", "in.json", SHAPE))
                .containsExactly(1f, 2.5f, -3f, 0f);
        assertThat(ModelInputs.parseInput("{\"input_data\": [[1, 2.5, -3, 0]]}", "in.json", SHAPE))
                .containsExactly(1f, 2.5f, -3f, 0f);
        assertThat(ModelInputs.parseInput("{\"input\": [[[1, 2], [3, 4]]]}", "in.json", SHAPE))
                .containsExactly(1f, 2f, 3f, 4f);
    }

    private static void rejected(String json, String message) {
        assertThatThrownBy(() -> ModelInputs.parseInput(json, "in.json", SHAPE)).isInstanceOf(ModelException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsBadInputsNamingTheFileAndIndex() {
        rejected("{\"input\": [1, 2, 3]}", "in.json: field input: expected 4 values (the model's input shape "
                + "[1, 2, 2]) but got 3");
        rejected("{\"input\": [1, 2, 3, 4, 5]}", "in.json: field input: expected 4 values (the model's input "
                + "shape [1, 2, 2]) but got 5");
        rejected("{\"input\": [1, NaN, 3, 4]}", "in.json: field input[1]: expected a finite number but got NaN");
        rejected("{\"input\": [1, 2, -Infinity, 4]}",
                "in.json: field input[2]: expected a finite number but got -Infinity");
        rejected("{\"input\": [1, 2, 3, 1e39]}", "in.json: field input[3]: value 1.0E39 is too large for a "
                + "32-bit float");
        rejected("{\"input\": [1, \"2\", 3, 4]}", "in.json: field input[1]: expected a number but got \"2\"");
        rejected("{\"input\": [1, null, 3, 4]}", "in.json: field input[1]: expected a number but got null");
        rejected("{\"input\": 5}", "in.json: field input: expected an array of numbers but got 5");
        rejected("{\"inputs\": [1, 2, 3, 4]}", "in.json: field inputs: unknown key (allowed: input, input_data)");
        rejected("{}", "in.json: expected {\"input\": [...]} (or EZKL's {\"input_data\": [[...]]})");
        rejected("{\"input\": [1,2,3,4], \"input_data\": [[1,2,3,4]]}",
                "in.json: holds both \"input\" and \"input_data\"; expected one of them");
        rejected("{\"input_data\": [[1,2,3,4], [1,2,3,4]]}",
                "in.json: field input_data: expected one input tensor (the model has one input) but got 2");
        rejected("[1, 2, 3, 4]", "in.json: expected a JSON object but got an array");
        assertThatThrownBy(() -> ModelInputs.parseInput("{\"input\": [1, 2, 3, 4]", "in.json", SHAPE))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("in.json: invalid JSON at line 1: Unexpected end-of-input");
    }

    @Test
    void calibrationFiles() {
        List<float[]> a = ModelInputs.parseCalibration("[[1,2,3,4],[5,6,7,8]]", "c.json", SHAPE);
        assertThat(a).hasSize(2);
        assertThat(a.get(1)).containsExactly(5f, 6f, 7f, 8f);
        List<float[]> b = ModelInputs.parseCalibration("{\"shape\": [1, 4], \"inputs\": [[1,2,3,4]], "
                + "\"labels\": [0], \"true_labels\": [0]}", "c.json", SHAPE);
        assertThat(b).hasSize(1);
        assertThatThrownBy(() -> ModelInputs.parseCalibration("[[1,2,3,4],[1,2]]", "c.json", SHAPE))
                .hasMessage("c.json: field [1]: expected 4 values (the model's input shape [1, 2, 2]) but got 2");
        assertThatThrownBy(() -> ModelInputs.parseCalibration("{\"inputs\": [[1,2,3,NaN]]}", "c.json", SHAPE))
                .hasMessage("c.json: field inputs[0][3]: expected a finite number but got NaN");
        assertThatThrownBy(() -> ModelInputs.parseCalibration("[]", "c.json", SHAPE))
                .hasMessage("c.json: holds no samples; calibration needs at least one");
        assertThatThrownBy(() -> ModelInputs.parseCalibration("{\"samples\": []}", "c.json", SHAPE))
                .hasMessageStartingWith("c.json: field samples: unknown key");
        assertThatThrownBy(() -> ModelInputs.parseCalibration("7", "c.json", SHAPE))
                .hasMessage("c.json: expected a JSON array of samples or {\"inputs\": [...]} but got 7");
    }
}
