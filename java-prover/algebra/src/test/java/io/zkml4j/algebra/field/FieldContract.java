package io.zkml4j.algebra.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.test.SeedExtension;
import io.zkml4j.algebra.test.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The field axioms, written once and inherited by the test class of every field ({@code Fq}, {@code Fr},
 * {@code Fq2}, {@code Fq6}, {@code Fq12}): implement the four hooks and every law runs on random and
 * edge values.
 *
 * @param <F> the field under test
 */
@ExtendWith(SeedExtension.class)
public interface FieldContract<F extends Field<F>> {

    /** How many random samples each law checks. */
    int SAMPLES = 200;

    F zero();

    F one();

    F random(RandomGenerator rng);

    /** Values that stress carries and reductions: at least 0, 1 and −1. */
    List<F> edgeValues();

    /** Edge values followed by {@link #SAMPLES} random values. */
    default List<F> samples(String salt) {
        RandomGenerator rng = Seeds.rng(getClass().getName() + salt);
        List<F> out = new ArrayList<>(edgeValues());
        for (int i = 0; i < SAMPLES; i++) {
            out.add(random(rng));
        }
        return out;
    }

    @Test
    default void additionIsCommutativeAndAssociative() {
        List<F> a = samples("add-a");
        List<F> b = samples("add-b");
        List<F> c = samples("add-c");
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).add(b.get(i))).isEqualTo(b.get(i).add(a.get(i)));
            assertThat(a.get(i).add(b.get(i)).add(c.get(i))).isEqualTo(a.get(i).add(b.get(i).add(c.get(i))));
        }
    }

    @Test
    default void zeroIsTheAdditiveIdentityAndNegationTheInverse() {
        for (F a : samples("neg")) {
            assertThat(a.add(zero())).isEqualTo(a);
            assertThat(a.add(a.neg()).isZero()).as("a + (-a) = 0 for %s", a).isTrue();
            assertThat(a.neg().neg()).isEqualTo(a);
            assertThat(a.sub(a).isZero()).isTrue();
        }
        assertThat(zero().neg()).isEqualTo(zero());
    }

    @Test
    default void subtractionIsAdditionOfTheNegation() {
        List<F> a = samples("sub-a");
        List<F> b = samples("sub-b");
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).sub(b.get(i))).isEqualTo(a.get(i).add(b.get(i).neg()));
        }
    }

    @Test
    default void doublingIsAdditionToSelf() {
        for (F a : samples("dbl")) {
            assertThat(a.dbl()).isEqualTo(a.add(a));
        }
    }

    @Test
    default void multiplicationIsCommutativeAssociativeAndDistributive() {
        List<F> a = samples("mul-a");
        List<F> b = samples("mul-b");
        List<F> c = samples("mul-c");
        for (int i = 0; i < a.size(); i++) {
            F x = a.get(i), y = b.get(i), z = c.get(i);
            assertThat(x.mul(y)).isEqualTo(y.mul(x));
            assertThat(x.mul(y).mul(z)).isEqualTo(x.mul(y.mul(z)));
            assertThat(x.mul(y.add(z))).isEqualTo(x.mul(y).add(x.mul(z)));
        }
    }

    @Test
    default void oneIsTheMultiplicativeIdentityAndZeroAbsorbs() {
        assertThat(one().isOne()).isTrue();
        assertThat(zero().isZero()).isTrue();
        assertThat(one().isZero()).isFalse();
        for (F a : samples("one")) {
            assertThat(a.mul(one())).isEqualTo(a);
            assertThat(a.mul(zero()).isZero()).isTrue();
        }
    }

    @Test
    default void squaringIsMultiplicationBySelf() {
        for (F a : samples("sq")) {
            assertThat(a.square()).isEqualTo(a.mul(a));
        }
    }

    @Test
    default void inverseOfNonZeroTimesSelfIsOne() {
        for (F a : samples("inv")) {
            if (!a.isZero()) {
                assertThat(a.mul(a.inverse()).isOne()).as("a * a^-1 = 1 for %s", a).isTrue();
            }
        }
    }

    @Test
    default void inverseOfZeroIsAnError() {
        assertThatThrownBy(() -> zero().inverse()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    default void equalValuesHaveEqualHashCodes() {
        for (F a : samples("eq")) {
            F same = a.add(one()).sub(one());
            assertThat(same).isEqualTo(a).hasSameHashCodeAs(a);
        }
    }
}
