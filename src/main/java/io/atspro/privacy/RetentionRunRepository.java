package io.atspro.privacy;

import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.Pages;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
class RetentionRunRepository implements PanacheRepositoryBase<RetentionRun, UUID> {

    Page<RetentionRun> pageNewestFirst(PageRequest request) {
        return Pages.of(findAll(Sort.descending("startedAt").and("id", Sort.Direction.Descending)), request);
    }
}
