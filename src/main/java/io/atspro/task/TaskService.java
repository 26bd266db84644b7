package io.atspro.task;

import io.atspro.shared.ConflictException;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** The caller's tasks: status, progress, results, cancellation. */
@ApplicationScoped
@Transactional
public class TaskService {

    private final TaskRepository tasks;
    private final TaskQueue queue;

    TaskService(TaskRepository tasks, TaskQueue queue) {
        this.tasks = tasks;
        this.queue = queue;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TaskView get(String userId, UUID id) {
        return TaskView.of(owned(userId, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TaskView> find(String userId, UUID id) {
        return tasks.findOwned(userId, id).map(TaskView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TaskView> list(String userId, String status, String type, PageRequest page) {
        return tasks.pageOwned(userId, status, type, page).map(TaskView::of);
    }

    public TaskView cancel(String userId, UUID id) {
        Task task = owned(userId, id);
        if (!queue.cancel(userId, id)) {
            throw new ConflictException("The task is already " + task.status + " and cannot be cancelled");
        }
        tasks.getEntityManager().refresh(task);
        return TaskView.of(task);
    }

    private Task owned(String userId, UUID id) {
        return tasks.findOwned(userId, id).orElseThrow(() -> new ResourceNotFoundException("Task"));
    }
}
