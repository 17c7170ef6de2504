package io.zkml4j.codegen;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How {@link SolidityVerifierGenerator} writes a verifier: pragma, contract name, SPDX licence
 * identifier, and whether the contract implements {@code IZkmlVerifier} (imported from
 * {@link #interfaceImport()}). Immutable; build with {@link #builder()}, start from
 * {@link #defaults()}.
 *
 * <p>Defaults: {@code pragma solidity ^0.8.20;} (the oldest compiler the generated code is checked
 * against is 0.8.20; the repository compiles with 0.8.28), contract {@code Groth16Verifier},
 * SPDX {@code MIT}, implementing {@code IZkmlVerifier} imported from
 * {@code contracts/interfaces/IZkmlVerifier.sol} (resolved against the repository root by
 * {@link SolcCompiler}; Hardhat and Foundry users can remap that path). Without the interface the
 * contract is a single self-contained file that declares the two custom errors itself.
 *
 * <p>Refusing insecure keys: by default the generator rejects a verifying key whose gamma equals
 * its delta (a key from a phase-2 setup nobody contributed to, such as a fresh
 * {@code snarkjs groth16 setup} output): with gamma = delta anyone can forge proofs for any
 * public inputs. {@link Builder#allowGammaEqualsDelta(boolean)} allows it for throw-away
 * development keys.
 */
public final class SolidityExportOptions {

    /** The default {@code pragma solidity} version expression. */
    public static final String DEFAULT_PRAGMA = "^0.8.20";

    /** The default contract name. */
    public static final String DEFAULT_CONTRACT_NAME = "Groth16Verifier";

    /** The default SPDX licence identifier. */
    public static final String DEFAULT_SPDX = "MIT";

    /** The interface every verifier implements by default. */
    public static final String INTERFACE_NAME = "IZkmlVerifier";

    /** Where {@link #INTERFACE_NAME} is imported from by default (repository-root relative). */
    public static final String DEFAULT_INTERFACE_IMPORT = "contracts/interfaces/IZkmlVerifier.sol";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern PRAGMA = Pattern.compile("[0-9.^~<>= |]+");
    private static final Pattern SPDX = Pattern.compile("[A-Za-z0-9.+\\-() ]+");
    private static final Pattern IMPORT_PATH = Pattern.compile("[A-Za-z0-9_@./\\-]+\\.sol");
    private static final Set<String> RESERVED = Set.of("contract", "interface", "library", "function", "error",
            "uint256", "bool", "address", "mapping", "struct", "enum", "event", "return", "returns", "this", "super");

    private static final SolidityExportOptions DEFAULTS = builder().build();

    private final String pragma;
    private final String contractName;
    private final String spdxLicense;
    private final boolean implementsInterface;
    private final String interfaceImport;
    private final boolean allowGammaEqualsDelta;

    private SolidityExportOptions(Builder b) {
        this.pragma = b.pragma;
        this.contractName = b.contractName;
        this.spdxLicense = b.spdxLicense;
        this.implementsInterface = b.implementsInterface;
        this.interfaceImport = b.interfaceImport;
        this.allowGammaEqualsDelta = b.allowGammaEqualsDelta;
    }

    /** All defaults (see the class comment). */
    public static SolidityExportOptions defaults() {
        return DEFAULTS;
    }

    /** A builder preset to the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset to these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.pragma = pragma;
        b.contractName = contractName;
        b.spdxLicense = spdxLicense;
        b.implementsInterface = implementsInterface;
        b.interfaceImport = interfaceImport;
        b.allowGammaEqualsDelta = allowGammaEqualsDelta;
        return b;
    }

    /** The version expression after {@code pragma solidity}, e.g. {@code ^0.8.20}. */
    public String pragma() {
        return pragma;
    }

    public String contractName() {
        return contractName;
    }

    /** The SPDX licence identifier of the generated file, e.g. {@code MIT}. */
    public String spdxLicense() {
        return spdxLicense;
    }

    /** Whether the contract declares {@code is IZkmlVerifier} and imports the interface. */
    public boolean implementsInterface() {
        return implementsInterface;
    }

    /** The import path of {@code IZkmlVerifier.sol}; used only when {@link #implementsInterface()}. */
    public String interfaceImport() {
        return interfaceImport;
    }

    /** Whether a verifying key with gamma = delta (forgeable) is accepted anyway. */
    public boolean allowGammaEqualsDelta() {
        return allowGammaEqualsDelta;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SolidityExportOptions x && pragma.equals(x.pragma) && contractName.equals(x.contractName)
                && spdxLicense.equals(x.spdxLicense) && implementsInterface == x.implementsInterface
                && interfaceImport.equals(x.interfaceImport) && allowGammaEqualsDelta == x.allowGammaEqualsDelta;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pragma, contractName, spdxLicense, implementsInterface, interfaceImport,
                allowGammaEqualsDelta);
    }

    @Override
    public String toString() {
        return "SolidityExportOptions[pragma=" + pragma + ", contractName=" + contractName + ", spdx=" + spdxLicense
                + ", interface=" + (implementsInterface ? interfaceImport : "none")
                + (allowGammaEqualsDelta ? ", allowGammaEqualsDelta" : "") + "]";
    }

    /** Builds {@link SolidityExportOptions}; each setter validates its argument at once. */
    public static final class Builder {

        private String pragma = DEFAULT_PRAGMA;
        private String contractName = DEFAULT_CONTRACT_NAME;
        private String spdxLicense = DEFAULT_SPDX;
        private boolean implementsInterface = true;
        private String interfaceImport = DEFAULT_INTERFACE_IMPORT;
        private boolean allowGammaEqualsDelta;

        private Builder() {
        }

        /**
         * The version expression after {@code pragma solidity}, e.g. {@code ^0.8.20} or
         * {@code 0.8.28}; the generated code needs 0.8.20 or newer.
         *
         * @throws IllegalArgumentException unless it consists of digits, dots, spaces and
         *     {@code ^ ~ < > = |}
         */
        public Builder pragma(String pragma) {
            Objects.requireNonNull(pragma, "pragma");
            if (!PRAGMA.matcher(pragma).matches() || pragma.isBlank()) {
                throw new IllegalArgumentException(
                        "Expected a Solidity version expression such as ^0.8.20 but got \"" + pragma + "\"");
            }
            this.pragma = pragma.strip();
            return this;
        }

        /**
         * @throws IllegalArgumentException unless it is a Solidity identifier that is not a
         *     keyword and not {@value #INTERFACE_NAME}
         */
        public Builder contractName(String contractName) {
            Objects.requireNonNull(contractName, "contractName");
            if (!IDENTIFIER.matcher(contractName).matches() || RESERVED.contains(contractName)
                    || contractName.equals(INTERFACE_NAME)) {
                throw new IllegalArgumentException(
                        "Expected a Solidity contract name (letters, digits, _ or $, not starting with a digit,"
                                + " not a keyword, not " + INTERFACE_NAME + ") but got \"" + contractName + "\"");
            }
            this.contractName = contractName;
            return this;
        }

        /**
         * An SPDX licence identifier or expression, e.g. {@code MIT}, {@code Apache-2.0},
         * {@code UNLICENSED}, {@code (MIT OR Apache-2.0)}.
         *
         * @throws IllegalArgumentException on characters outside letters, digits and {@code .+-()} and space
         */
        public Builder spdxLicense(String spdx) {
            Objects.requireNonNull(spdx, "spdx");
            if (!SPDX.matcher(spdx).matches() || spdx.isBlank()) {
                throw new IllegalArgumentException("Expected an SPDX licence identifier such as MIT but got \""
                        + spdx + "\"");
            }
            this.spdxLicense = spdx.strip();
            return this;
        }

        /** Whether the contract implements {@code IZkmlVerifier} (default true). */
        public Builder implementsInterface(boolean implementsInterface) {
            this.implementsInterface = implementsInterface;
            return this;
        }

        /**
         * Where to import {@code IZkmlVerifier.sol} from, e.g. {@code ./IZkmlVerifier.sol} when it
         * is copied next to the verifier; implies {@code implementsInterface(true)}.
         *
         * @throws IllegalArgumentException unless it is a plain path ending in {@code .sol}
         */
        public Builder interfaceImport(String path) {
            Objects.requireNonNull(path, "path");
            if (!IMPORT_PATH.matcher(path).matches()) {
                throw new IllegalArgumentException("Expected an import path ending in .sol (letters, digits, _@./-)"
                        + " but got \"" + path + "\"");
            }
            this.interfaceImport = path;
            this.implementsInterface = true;
            return this;
        }

        /**
         * Accept a verifying key with gamma = delta (default false). Such a key, left by a
         * phase-2 setup without any contribution, lets anyone forge proofs; allow it only for
         * development keys.
         */
        public Builder allowGammaEqualsDelta(boolean allow) {
            this.allowGammaEqualsDelta = allow;
            return this;
        }

        public SolidityExportOptions build() {
            return new SolidityExportOptions(this);
        }
    }
}
