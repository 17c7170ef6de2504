/** Integer reference implementations of every quantized op: what the circuit layers must equal. */
package io.zkml4j.ml.reference;
