/**
 * JMH benchmarks. Each benchmark class measures a candidate against a baseline in the same run,
 * so results are read as ratios, not as absolute numbers that depend on the machine.
 */
package dev.chatdirectory.bench;
