package io.augmill.training.run;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Loop state stored with each checkpoint ({@code state.json}); with the parameters and optimizer state
 * it is all a resumed run needs (per-epoch generators are derived from the seed and the epoch).
 *
 * @param epochsDone completed epochs
 * @param step optimisation steps done
 * @param bestScore best early-stopping score so far (higher is better)
 * @param bestEpoch 1-based epoch of the best score, 0 if none
 * @param badEpochs epochs since the best score
 */
public record TrainingState(
    @JsonProperty("epochs_done") int epochsDone,
    @JsonProperty("step") long step,
    @JsonProperty("best_score") double bestScore,
    @JsonProperty("best_epoch") int bestEpoch,
    @JsonProperty("bad_epochs") int badEpochs) {

  /** The state before the first epoch. */
  public static TrainingState initial() {
    return new TrainingState(0, 0, Double.NEGATIVE_INFINITY, 0, 0);
  }
}
