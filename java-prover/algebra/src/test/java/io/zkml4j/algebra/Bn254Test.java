package io.zkml4j.algebra;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class Bn254Test {

    private static BigInteger poly(long c4, long c3, long c2, long c1, long c0) {
        BigInteger x = Bn254.X;
        return x.pow(4).multiply(BigInteger.valueOf(c4)).add(x.pow(3).multiply(BigInteger.valueOf(c3)))
                .add(x.pow(2).multiply(BigInteger.valueOf(c2))).add(x.multiply(BigInteger.valueOf(c1)))
                .add(BigInteger.valueOf(c0));
    }

    @Test
    void moduliDeriveFromTheBnParameter() {
        assertThat(Bn254.P).isEqualTo(poly(36, 36, 24, 6, 1));
        assertThat(Bn254.R).isEqualTo(poly(36, 36, 18, 6, 1));
        assertThat(Bn254.P.isProbablePrime(64)).isTrue();
        assertThat(Bn254.R.isProbablePrime(64)).isTrue();
        assertThat(Bn254.P.bitLength()).isEqualTo(254);
        assertThat(Bn254.R.subtract(BigInteger.ONE).getLowestSetBit()).isEqualTo(Bn254.FR_TWO_ADICITY);
    }
}
