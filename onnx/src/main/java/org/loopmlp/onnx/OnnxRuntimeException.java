package org.loopmlp.onnx;

/** ONNX Runtime refused a model or failed to run it; the message is one line. */
public final class OnnxRuntimeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OnnxRuntimeException(String message, Throwable cause) {
    super(message, cause);
  }
}
