package io.atspro.goal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.shared.ConflictException;
import io.atspro.shared.InvalidInputException;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The caller's goals and milestones. Progress is measured from their data whenever a goal is read or their
 * applications change; what it reaches is recorded once (the goal's row is locked while it is evaluated) and
 * announced with {@link MilestoneReached}.
 */
@ApplicationScoped
@Transactional
public class GoalService {

    private final GoalRepository goals;
    private final MilestoneRepository milestones;
    private final ProgressMeter meter;
    private final Event<MilestoneReached> reached;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;

    GoalService(GoalRepository goals, MilestoneRepository milestones, ProgressMeter meter,
                Event<MilestoneReached> reached, ObjectMapper json, Validator validator, Clock clock) {
        this.goals = goals;
        this.milestones = milestones;
        this.meter = meter;
        this.reached = reached;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    GoalViews.GoalView create(String userId, GoalRequests.CreateGoal request) {
        GoalType type = GoalType.of(request.goalType());
        if (request.current() != null && type.computed()) {
            throw notSetByHand();
        }
        String zone = zone(request.timeZone());
        checkDates(request.startsOn(), request.targetDate());
        Instant now = clock.instant();
        ObjectNode progressData = json.createObjectNode();
        if (type == GoalType.CUSTOM) {
            progressData.put("current", request.current() == null ? 0 : request.current());
        } else if (type == GoalType.APPLICATIONS_PER_WEEK) {
            progressData.putArray("weeks_met");
        }
        Goal goal = Goal.create(userId, type, targetMetrics(request.targetMetrics()), progressData, now);
        goal.title = request.title().strip();
        goal.description = blankToNull(request.description());
        goal.startsOn = request.startsOn();
        goal.targetDate = request.targetDate();
        goal.timeZone = zone;
        goals.persist(goal);
        List<Milestone> none = List.of();
        return GoalViews.GoalView.of(goal, evaluate(goal, none, now), none);
    }

    Page<GoalViews.GoalView> list(String userId, PageRequest page) {
        List<Goal> found = goals.pageOfUser(userId, page.page(), page.size());
        Map<UUID, List<Milestone>> byGoal = milestones.ofGoals(userId, found.stream().map(g -> g.id).toList())
                .stream().collect(Collectors.groupingBy(m -> m.goalId));
        Instant now = clock.instant();
        List<GoalViews.GoalView> views = found.stream().map(goal -> {
            List<Milestone> own = byGoal.getOrDefault(goal.id, List.of());
            return GoalViews.GoalView.of(goal, evaluate(goal, own, now), own);
        }).toList();
        return new Page<>(views, page.page(), page.size(), goals.countOfUser(userId));
    }

    GoalViews.GoalView get(String userId, UUID id) {
        return view(locked(userId, id), clock.instant());
    }

    /** JSON merge patch: absent fields stay, null clears the optional ones; {@code status} is applied first. */
    GoalViews.GoalView patch(String userId, UUID id, ObjectNode patch) throws JsonProcessingException {
        GoalRequests.PatchGoal values = valid(json.treeToValue(patch, GoalRequests.PatchGoal.class));
        Goal goal = locked(userId, id);
        Instant now = clock.instant();
        if (patch.has("status")) {
            GoalStatus before = goal.status();
            goal.moveTo(GoalStatus.of(required("status", values.status())), now);
            if (before != GoalStatus.COMPLETED && goal.status() == GoalStatus.COMPLETED) {
                // a custom goal the user declares done
                reached.fire(new MilestoneReached(userId, goal.id, null, goal.title, now));
            }
        }
        for (Iterator<String> fields = patch.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            switch (field) {
                case "status" -> {
                }
                case "title" -> goal.title = required(field, values.title()).strip();
                case "description" -> goal.description = blankToNull(values.description());
                case "goal_type" -> throw new InvalidInputException(field, "cannot change; create a new goal instead");
                case "target_metrics" -> {
                    goal.requireActive("changing its target");
                    goal.targetMetrics = targetMetrics(required(field, values.targetMetrics()));
                }
                case "starts_on" -> {
                    goal.requireActive("changing its window");
                    goal.startsOn = values.startsOn();
                }
                case "target_date" -> {
                    goal.requireActive("changing its window");
                    goal.targetDate = values.targetDate();
                }
                case "time_zone" -> {
                    goal.requireActive("changing its window");
                    goal.timeZone = zone(values.timeZone());
                }
                case "current" -> {
                    if (goal.type().computed()) {
                        throw notSetByHand();
                    }
                    goal.requireActive("setting its progress");
                    ObjectNode data = goal.progressData.deepCopy();
                    data.put("current", required(field, values.current()));
                    goal.progressData = data;
                }
                default -> throw new InvalidInputException(field, "is not a known field");
            }
        }
        checkDates(goal.startsOn, goal.targetDate);
        goal.updatedAt = now;
        return view(goal, now);
    }

    void delete(String userId, UUID id) {
        goals.delete(owned(userId, id));
    }

    GoalViews.MilestoneView addMilestone(String userId, UUID goalId, GoalRequests.CreateMilestone request) {
        Goal goal = locked(userId, goalId);
        goal.requireActive("adding milestones");
        checkTargetValue(goal, request.targetValue());
        Instant now = clock.instant();
        Milestone milestone = Milestone.of(goal, metadata(request.metadata()), now);
        milestone.title = request.title().strip();
        milestone.description = blankToNull(request.description());
        milestone.targetDate = request.targetDate();
        milestone.targetValue = request.targetValue();
        milestones.persist(milestone);
        evaluate(goal, milestones.ofGoal(userId, goalId), now);
        return GoalViews.MilestoneView.of(milestone);
    }

    GoalViews.MilestoneView patchMilestone(String userId, UUID goalId, UUID id, ObjectNode patch)
            throws JsonProcessingException {
        GoalRequests.PatchMilestone values = valid(json.treeToValue(patch, GoalRequests.PatchMilestone.class));
        Goal goal = locked(userId, goalId);
        Milestone milestone = ownedMilestone(userId, goalId, id);
        Instant now = clock.instant();
        for (Iterator<String> fields = patch.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            switch (field) {
                case "title" -> milestone.title = required(field, values.title()).strip();
                case "description" -> milestone.description = blankToNull(values.description());
                case "target_date" -> milestone.targetDate = values.targetDate();
                case "target_value" -> {
                    goal.requireActive("changing its milestones' targets");
                    if (milestone.isCompleted()) {
                        throw new ConflictException("The milestone is completed; its target value no longer changes");
                    }
                    checkTargetValue(goal, values.targetValue());
                    milestone.targetValue = values.targetValue();
                }
                case "metadata" -> milestone.metadata = metadata(values.metadata());
                default -> throw new InvalidInputException(field, "is not a known field");
            }
        }
        milestone.updatedAt = now;
        evaluate(goal, milestones.ofGoal(userId, goalId), now);
        return GoalViews.MilestoneView.of(milestone);
    }

    void deleteMilestone(String userId, UUID goalId, UUID id) {
        owned(userId, goalId);
        milestones.delete(ownedMilestone(userId, goalId, id));
    }

    /**
     * Completes a milestone by hand: any milestone of a custom goal, and checklist milestones (no target value)
     * of the others; a computed goal's milestone with a target value completes itself. Twice is 409.
     */
    GoalViews.MilestoneView completeMilestone(String userId, UUID goalId, UUID id) {
        Goal goal = locked(userId, goalId);
        Milestone milestone = ownedMilestone(userId, goalId, id);
        if (milestone.isCompleted()) {
            throw new ConflictException("The milestone was completed at " + milestone.completedAt());
        }
        goal.requireActive("completing its milestones");
        if (milestone.targetValue != null && goal.type().computed()) {
            throw new ConflictException("This milestone completes itself when the goal's progress reaches "
                    + milestone.targetValue);
        }
        Instant now = clock.instant();
        milestone.complete(now);
        reached.fire(new MilestoneReached(userId, goalId, milestone.id, milestone.title, now));
        return GoalViews.MilestoneView.of(milestone);
    }

    /** Measures the user's active goals again and records what they reached, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recomputeActive(String userId) {
        List<Goal> active = goals.lockActiveOfUser(userId);
        Map<UUID, List<Milestone>> byGoal = milestones.ofGoals(userId, active.stream().map(g -> g.id).toList())
                .stream().collect(Collectors.groupingBy(m -> m.goalId));
        Instant now = clock.instant();
        for (Goal goal : active) {
            evaluate(goal, byGoal.getOrDefault(goal.id, List.of()), now);
        }
    }

    /** Where each active goal of the user stands now, newest goal first. Reads only: records nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GoalProgress> activeProgress(String userId) {
        Instant now = clock.instant();
        return goals.activeOfUser(userId).stream().map(goal -> {
            GoalViews.Progress p = meter.measure(goal, now);
            return new GoalProgress(goal.id, goal.title, goal.goalType, p.current(), p.target(), p.percent());
        }).toList();
    }

    private GoalViews.GoalView view(Goal goal, Instant now) {
        List<Milestone> own = milestones.ofGoal(goal.userId, goal.id);
        return GoalViews.GoalView.of(goal, evaluate(goal, own, now), own);
    }

    /**
     * Measures {@code goal} (locked by the caller) and, when it is active, completes the milestones its progress
     * reaches and the goal itself: a weekly goal stays active and records the ISO week in {@code weeks_met}.
     */
    private GoalViews.Progress evaluate(Goal goal, List<Milestone> own, Instant now) {
        GoalViews.Progress progress = meter.measure(goal, now);
        if (goal.status() != GoalStatus.ACTIVE) {
            return progress;
        }
        for (Milestone milestone : own) {
            if (milestone.reachedBy(progress.current())) {
                milestone.complete(now);
                reached.fire(new MilestoneReached(goal.userId, goal.id, milestone.id, milestone.title, now));
            }
        }
        if (!progress.reached()) {
            return progress;
        }
        if (goal.type() == GoalType.APPLICATIONS_PER_WEEK) {
            String week = ProgressMeter.isoWeek(ZoneId.of(goal.timeZone), now);
            ObjectNode data = goal.progressData.deepCopy();
            ArrayNode weeks = data.withArray("weeks_met");
            for (JsonNode met : weeks) {
                if (week.equals(met.asText())) {
                    return progress;
                }
            }
            weeks.add(week);
            goal.progressData = data;
            goal.updatedAt = now;
        } else {
            goal.reach(now);
        }
        reached.fire(new MilestoneReached(goal.userId, goal.id, null, goal.title, now));
        return progress;
    }

    private Goal owned(String userId, UUID id) {
        return goals.findOwned(userId, id).orElseThrow(() -> new ResourceNotFoundException("Goal"));
    }

    private Goal locked(String userId, UUID id) {
        return goals.lockOwned(userId, id).orElseThrow(() -> new ResourceNotFoundException("Goal"));
    }

    private Milestone ownedMilestone(String userId, UUID goalId, UUID id) {
        return milestones.findOwned(userId, goalId, id).orElseThrow(() -> new ResourceNotFoundException("Milestone"));
    }

    private <T> T valid(T values) {
        Set<ConstraintViolation<T>> violations = validator.validate(values);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return values;
    }

    private ObjectNode targetMetrics(GoalRequests.TargetMetrics metrics) {
        return json.createObjectNode().put("target", metrics.target());
    }

    private JsonNode metadata(JsonNode metadata) {
        if (metadata == null || metadata.isNull()) {
            return json.createObjectNode();
        }
        if (!metadata.isObject()) {
            throw new InvalidInputException("metadata", "must be an object");
        }
        return metadata;
    }

    private static void checkTargetValue(Goal goal, Integer targetValue) {
        if (targetValue != null && targetValue > goal.target()) {
            throw new InvalidInputException("target_value", "must not exceed the goal's target (" + goal.target() + ")");
        }
    }

    private static void checkDates(LocalDate startsOn, LocalDate targetDate) {
        if (startsOn != null && targetDate != null && targetDate.isBefore(startsOn)) {
            throw new InvalidInputException("target_date", "must not be before starts_on");
        }
    }

    private static String zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return "UTC";
        }
        try {
            return ZoneId.of(timeZone.strip()).getId();
        } catch (DateTimeException e) {
            throw new InvalidInputException("time_zone", "must be an IANA time zone such as Europe/Lisbon");
        }
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "cannot be null");
        }
        return value;
    }

    private static InvalidInputException notSetByHand() {
        return new InvalidInputException("current", "is set by hand only on a custom goal; the others count your "
                + "applications");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
