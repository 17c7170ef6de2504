package io.zkml4j.groth16.ptau;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.pairing.Bn254Pairing;
import io.zkml4j.algebra.pairing.PairingInput;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/** The snarkjs-made files in {@code src/test/resources/io/zkml4j/groth16/ptau/} (see the README there). */
public final class PtauFixtures {

    /** Response hash snarkjs printed for the fixture's contribution. */
    public static final byte[] RESPONSE_HASH = HexFormat.of().parseHex("5a15980495f63541dee344b0cb940f3cf1379c214a71f1ec"
            + "2f140c6913cad904e7c303d0ed6443f86057605011342592c0663a52eb4994684d17aa6bc0e72cca");
    /** Next challenge hash snarkjs printed for it. */
    public static final byte[] NEXT_CHALLENGE = HexFormat.of().parseHex("7fd8e4f44169879697555bfaf4fc1df105bcb7043b4de"
            + "deceaf2342a999e7f0524eeafd4a0ca5e56832aff2bb58cd22dc42e08aad18aa48100fa6625997de09e");
    /** Circuit hash snarkjs printed for the multiplier setup. */
    public static final byte[] MULTIPLIER_CIRCUIT_HASH = HexFormat.of().parseHex("af61731035eb6c750a437c6e0ac0d3b93edd"
            + "c4211ead6b9ca5b3701a285735e70140679f6d47cc2b994d61d05b2ab5bec3fa6f506803d282d8a33878af9040bf");

    private PtauFixtures() {
    }

    /** The power-4 prepared ptau. */
    public static Path prepared() {
        return resource("pot4_prepared.ptau");
    }

    /** snarkjs's setup of the multiplier circuit on {@link #prepared()}. */
    public static Path multiplierZkey() {
        return resource("multiplier_0000.zkey");
    }

    /** {@code e(a1, b2) = e(a2, b1)}: {@code a2/a1} and {@code b2/b1} are the same scalar. */
    public static boolean sameRatio(G1Affine a1, G1Affine a2, G2Affine b1, G2Affine b2) {
        return Bn254Pairing.pairingCheck(List.of(PairingInput.of(a1, b2), PairingInput.of(a2.neg(), b1)));
    }

    private static Path resource(String name) {
        URL url = PtauFixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("Missing test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
