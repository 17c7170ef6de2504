package io.zkml4j.testchain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/**
  * The funded development accounts of a Hardhat node started with test-chain's configuration:
  * Hardhat's default {@link #MNEMONIC}, derivation path {@code m/44'/60'/0'/0/i} for
  * {@code i = 0 ... 19}, 10,000 ETH each.
  *
  * <p>These keys are public knowledge (Hardhat prints them at start). Anything sent to their
  * addresses on a real network is lost; use them on the local test chain only.
  *
  * <p>Needs web3j {@code core} on the class path (test-chain declares it optional).
  */
public final class DevAccounts {

    /** Hardhat's default accounts mnemonic (public; test use only). */
    public static final String MNEMONIC = "test test test test test test test test test test test junk";

    /** How many accounts Hardhat funds by default. */
    public static final int COUNT = 20;

    /** Each account's starting balance: 10,000 ETH in wei. */
    public static final BigInteger INITIAL_BALANCE_WEI = BigInteger.TEN.pow(22);

    private static final List<Credentials> ACCOUNTS = derive();

    private DevAccounts() {
    }

    /**
      * Account {@code index} ({@code 0} is Hardhat's default sender).
      *
      * @throws IndexOutOfBoundsException unless {@code 0 <= index < }{@value #COUNT}
      */
    public static Credentials account(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IndexOutOfBoundsException(
                    "Expected a dev account index in [0, " + COUNT + ") but got " + index);
        }
        return ACCOUNTS.get(index);
    }

    /** All {@value #COUNT} accounts, in index order. */
    public static List<Credentials> all() {
        return ACCOUNTS;
    }

    private static List<Credentials> derive() {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(MNEMONIC, ""));
        int hardened = Bip32ECKeyPair.HARDENED_BIT;
        List<Credentials> out = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            int[] path = {44 | hardened, 60 | hardened, hardened, 0, i};
            out.add(Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path)));
        }
        return List.copyOf(out);
    }
}
