/**
 * The networks the trainer builds from DJL blocks: CIFAR-style ResNets (He et al. 2016, three stages of
 * 16/32/64 channels; depth 20/32/56/110), a CIFAR ResNet-18 with basic blocks, and an ImageNet
 * ResNet-50 with bottlenecks; plus weight initialisation (Kaiming/Xavier, zero-γ residual BatchNorm).
 */
package io.augmill.training.model;
