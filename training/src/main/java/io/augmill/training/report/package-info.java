/** The run report: {@code report.html} with PNG plots (loss, accuracy, learning rate, confusion matrix). */
package io.augmill.training.report;
