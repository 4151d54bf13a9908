/*
 * rrp-workflow: a task's "Add Comment" is offered only to those the server lets add one.
 *
 * Camunda's REST API finds a task to comment on in the case's history, so a comment needs the right to read that
 * history as well as the right to work on the task: coordinators have both, advisors and settings' leads only the
 * second. The server refuses anyone else with a sentence (EngineApiGuard); this module marks the page of a coordinator
 * (rrp-may-note on <html>), and the stylesheet hides the control on every other person's page. It asks again after
 * every navigation, so a different person logging in on the same page is judged afresh.
 */
define('rrp-tasklist-notes', [], function () {
  'use strict';

  var COORDINATORS = 'rrp-coordinators';
  var MARK = 'rrp-may-note';
  var checkedFor = null;

  function api(name, fallback) {
    var base = document.querySelector('base');
    return ((base && base.getAttribute(name)) || fallback).replace(/\/?$/, '/');
  }

  function json(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (response) {
      return response.ok ? response.json() : Promise.reject(response.status);
    });
  }

  function check() {
    json(api('admin-api', '/camunda/api/admin/') + 'auth/user/default').then(function (user) {
      if (!user || !user.userId) {
        checkedFor = null;
        document.documentElement.classList.remove(MARK);
        return null;
      }
      if (user.userId === checkedFor) {
        return null;
      }
      return json(api('engine-api', '/camunda/api/engine/') + 'engine/default/identity/groups?userId='
          + encodeURIComponent(user.userId)).then(function (memberships) {
        var coordinator = (memberships.groups || []).some(function (group) { return group.id === COORDINATORS; });
        checkedFor = user.userId;
        document.documentElement.classList.toggle(MARK, coordinator);
      });
    }).catch(function () {
      checkedFor = null;
      document.documentElement.classList.remove(MARK);
    });
  }

  check();
  window.addEventListener('hashchange', check);
});
