package io.atspro.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Seed 000 subscriptions. Every user starts on {@code free}; the plan sets the monthly limits. */
@Entity
@Table(name = "subscriptions")
public class Subscription {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public String userId;

    @Column(nullable = false)
    public String plan;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public Instant startsAt;

    public Instant endsAt;
    public boolean autoRenew;
    public String stripeSubscriptionId;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;
}
