package org.khaldun.store;

/** Events from one actor to one recipient: how many, and how cooperative or hostile on average. */
public record NetworkEdge(String actor, String recipient, long count, double goldsteinSum, double goldsteinMean) {
}
