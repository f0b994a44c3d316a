package io.campaignkit.channel.simulated;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Outcomes drawn at random with weights, from a seed, so a "95% delivered, 3% not on WhatsApp, 2%
 * rate limited" run is the same every time for the same order of sends. Immutable: every
 * {@link SimulatedChannel} using a mix draws from its own random sequence started from the seed.
 *
 * <pre>{@code
 * OutcomeMix.seeded(42)
 *     .with(95, Outcome.delivered(Duration.ofSeconds(2)))
 *     .with(3, Outcome.failing(SendErrorClass.RECIPIENT_PERMANENT))
 *     .with(2, Outcome.failing(SendErrorClass.RATE_LIMITED));
 * }</pre>
 */
public final class OutcomeMix {

    private record Weighted(double weight, Outcome outcome) {}

    private final long seed;
    private final List<Weighted> choices;

    private OutcomeMix(long seed, List<Weighted> choices) {
        this.seed = seed;
        this.choices = List.copyOf(choices);
    }

    /**
     * An empty mix; add outcomes with {@link #with(double, Outcome)}.
     *
     * @param seed the random seed
     * @return the mix
     */
    public static OutcomeMix seeded(long seed) {
        return new OutcomeMix(seed, List.of());
    }

    /**
     * A copy with one more outcome. Weights are relative: they need not add up to 1 or 100.
     *
     * @param weight  the weight, positive
     * @param outcome the outcome, not null
     * @return a new mix
     */
    public OutcomeMix with(double weight, Outcome outcome) {
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be positive and finite (was " + weight + ")");
        }
        if (outcome == null) {
            throw new IllegalArgumentException("outcome must not be null");
        }
        List<Weighted> more = new ArrayList<>(choices);
        more.add(new Weighted(weight, outcome));
        return new OutcomeMix(seed, more);
    }

    /** @return the seed that starts every random sequence drawn from this mix */
    public long seed() {
        return seed;
    }

    /**
     * A new random sequence for this mix, started from the seed.
     *
     * @return a random generator; not thread-safe on its own, callers synchronize
     */
    public Random newRandom() {
        return new Random(seed);
    }

    /**
     * Draws an outcome.
     *
     * @param random the sequence to draw from, typically from {@link #newRandom()}; not null
     * @return an outcome
     * @throws IllegalStateException when the mix is empty
     */
    public Outcome draw(Random random) {
        if (random == null) {
            throw new IllegalArgumentException("random must not be null");
        }
        if (choices.isEmpty()) {
            throw new IllegalStateException("the outcome mix is empty: add outcomes with with(weight, outcome)");
        }
        double total = choices.stream().mapToDouble(Weighted::weight).sum();
        double draw = random.nextDouble() * total;
        for (Weighted choice : choices) {
            draw -= choice.weight();
            if (draw < 0) {
                return choice.outcome();
            }
        }
        return choices.get(choices.size() - 1).outcome();
    }

    @Override
    public String toString() {
        return "OutcomeMix[seed=" + seed + ", " + choices + "]";
    }
}
