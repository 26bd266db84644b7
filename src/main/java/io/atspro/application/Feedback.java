package io.atspro.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Seed 003 feedback on an application: a rating 1–5 and comments. */
@Entity
@Table(name = "feedback")
public class Feedback {

    @Id
    UUID id;

    @Column(nullable = false, updatable = false)
    String userId;

    UUID applicationId;

    @Column(nullable = false)
    String feedbackType;

    int rating;
    String comments;

    @Column(nullable = false)
    Instant createdAt;
}
