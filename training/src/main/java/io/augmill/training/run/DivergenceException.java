package io.augmill.training.run;

/** The training loss became NaN or infinite; the message gives the step and the last good checkpoint. */
public class DivergenceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** With a message naming the step. */
  public DivergenceException(String message) {
    super(message);
  }
}
