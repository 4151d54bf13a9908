package org.rrp.workflow.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.rrp.workflow.casework.AreaCatalogue;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: the area groups of the district table ({@link AreaCatalogue}) and an invented user for every role, all with the demo
 * password. Every person and address here is made up ({@code example.org}).
 */
@Component
@Profile("demo")
class DemoData {

  record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    String email() {
      return id + "@example.org";
    }
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("rosa", "Rosa", "Fenwick", List.of(RrpGroups.REFERRERS)),
      new DemoUser("sam", "Sam", "Okoro", List.of(RrpGroups.REFERRERS)),
      new DemoUser("cora", "Cora", "Lindqvist", List.of(RrpGroups.COORDINATORS)),
      new DemoUser("alex", "Alex", "Marsh", List.of(RrpGroups.ADVISORS, "area-east-staffs-tamworth")),
      new DemoUser("ash", "Ash", "Dunmore", List.of(RrpGroups.ADVISORS, "area-east-staffs-tamworth")),
      new DemoUser("bea", "Bea", "Holloway", List.of(RrpGroups.ADVISORS, "area-cannock-lichfield")),
      new DemoUser("cal", "Cal", "Whitby", List.of(RrpGroups.ADVISORS, "area-stafford-south-staffs")),
      new DemoUser("dee", "Dee", "Ramsgill", List.of(RrpGroups.ADVISORS, "area-newcastle-moorlands")),
      new DemoUser("max", "Max", "Aldridge", List.of(RrpGroups.MANAGERS)),
      new DemoUser("lena", "Lena", "Thorpe", List.of(RrpGroups.SETTING_LEADS, "setting-100001")),
      new DemoUser("omar", "Omar", "Pellow", List.of(RrpGroups.SETTING_LEADS, "setting-100002")));

  record Setting(String groupId, String name) {
  }

  /** Invented settings whose training leads are demo users: group id, name. */
  static final List<Setting> SETTINGS = List.of(
      new Setting("setting-100001", "Training leads of setting 100001 (Brookfield Primary)"),
      new Setting("setting-100002", "Training leads of setting 100002 (Larkspur Academy)"));

  private final IdentityService identityService;
  private final AreaCatalogue areaCatalogue;
  private final String password;

  DemoData(IdentityService identityService, AreaCatalogue areaCatalogue, @Value("${rrp.demo.password}") String password) {
    this.identityService = identityService;
    this.areaCatalogue = areaCatalogue;
    this.password = password;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(2)
  void create() {
    areaCatalogue.areas().forEach((areaGroup, areaName) -> {
      if (identityService.createGroupQuery().groupId(areaGroup).count() == 0) {
        Group group = identityService.newGroup(areaGroup);
        group.setName("Area: " + areaName);
        group.setType("AREA");
        identityService.saveGroup(group);
      }
    });
    for (Setting setting : SETTINGS) {
      if (identityService.createGroupQuery().groupId(setting.groupId()).count() == 0) {
        Group group = identityService.newGroup(setting.groupId());
        group.setName(setting.name());
        group.setType("SETTING");
        identityService.saveGroup(group);
      }
    }
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
        continue;
      }
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.email());
      user.setPassword(password);
      identityService.saveUser(user);
      for (String group : demo.groups()) {
        identityService.createMembership(demo.id(), group);
      }
    }
  }
}
