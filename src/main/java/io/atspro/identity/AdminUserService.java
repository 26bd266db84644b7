package io.atspro.identity;

import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** What administrators see of users. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AdminUserService {

    private final UserRepository users;

    AdminUserService(UserRepository users) {
        this.users = users;
    }

    public Page<Views.AdminUser> search(String text, PageRequest page) {
        return users.search(text, page).map(Views::adminUser);
    }
}
