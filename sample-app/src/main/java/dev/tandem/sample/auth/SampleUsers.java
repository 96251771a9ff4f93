package dev.tandem.sample.auth;

import dev.tandem.sample.data.SampleData;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The people who sign in: alice, bob, carol and dave of acme, erin of globex; all "password". */
final class SampleUsers {

  static final String PASSWORD = "password";

  private SampleUsers() {}

  static UserDetailsService service(PasswordEncoder encoder) {
    String hash = encoder.encode(PASSWORD);
    List<UserDetails> users = new ArrayList<>();
    for (List<String> tenant : List.of(SampleData.ACME_USERS, SampleData.GLOBEX_USERS)) {
      for (String name : tenant) {
        users.add(User.withUsername(name).password(hash).roles("USER").build());
      }
    }
    return new InMemoryUserDetailsManager(users);
  }
}
