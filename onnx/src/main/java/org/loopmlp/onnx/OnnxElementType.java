package org.loopmlp.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.loopmlp.exact.Float32Vector;
import org.loopmlp.exact.NarrowFloat;
import org.loopmlp.exact.NarrowFloatVector;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.StateVector;
import org.loopmlp.onnx.proto.OnnxProto.TensorProto;

/**
 * The element type of an exported model's weights, biases, input and output: float32 or
 * float16. Values travel as Java floats (every float16 is a float); tensors are stored
 * little-endian in {@code raw_data}, as the ONNX format requires.
 */
public enum OnnxElementType {
  FLOAT32("float32", TensorProto.DataType.FLOAT, 4),
  FLOAT16("float16", TensorProto.DataType.FLOAT16, 2);

  private final String label;
  private final TensorProto.DataType dataType;
  private final int bytes;

  OnnxElementType(String label, TensorProto.DataType dataType, int bytes) {
    this.label = label;
    this.dataType = dataType;
    this.bytes = bytes;
  }

  /** float32 or float16, as on the command line. */
  public String label() {
    return label;
  }

  TensorProto.DataType dataType() {
    return dataType;
  }

  /** Bytes per element. */
  public int bytes() {
    return bytes;
  }

  /** The value of this type nearest to {@code r} (ties to even). */
  public float round(Rational r) {
    return this == FLOAT32 ? r.floatValue() : NarrowFloat.FLOAT16.round(r);
  }

  /** {@code values} (each already of this type) as little-endian raw tensor data. */
  ByteString raw(float[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      if (this == FLOAT32) {
        b.putFloat(v);
      } else {
        b.putShort(NarrowFloat.FLOAT16.encode(v));
      }
    }
    b.flip();
    return ByteString.copyFrom(b);
  }

  /** {@code n} elements of this type read from {@code raw} (native or little-endian order). */
  float[] read(ByteBuffer raw, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = this == FLOAT32 ? raw.getFloat() : NarrowFloat.FLOAT16.decode(raw.getShort());
    }
    return v;
  }

  /** {@code values} as the vector type of the matching loopmlp backend. */
  StateVector vector(float[] values) {
    return this == FLOAT32 ? Float32Vector.of(values)
        : NarrowFloatVector.of(NarrowFloat.FLOAT16, values);
  }

  /** The type called {@code label}, or an exception naming the choices. */
  public static OnnxElementType named(String label) {
    for (OnnxElementType t : values()) {
      if (t.label.equals(label)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown ONNX element type '" + label
        + "', expected float32 or float16");
  }

  @Override
  public String toString() {
    return label;
  }
}
