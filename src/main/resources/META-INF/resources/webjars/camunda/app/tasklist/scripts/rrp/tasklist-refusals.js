/*
 * rrp-workflow: a form the server refuses is answered where the person is looking.
 *
 * The server answers a refused start or task form with 400 and one plain sentence per problem
 * ({"type": "InvalidInputException", "problems": [...]}). Tasklist on its own shows that as a banner at the top of
 * the page (for a start form, at the top of the dialog, out of sight of the Start button). This module shows the
 * problems in a box right above the Start or Complete button instead, moves the focus there, and keeps the form as
 * it was filled in; the banner for the same refusal is not shown twice. The box goes when the form is submitted
 * again or the person moves on. A refusal that is not the form's fault (the case was paused by a coordinator) is
 * shown in the same place without the "Please correct the form" heading.
 */
define('rrp-tasklist-refusals', ['angular'], function (angular) {
  'use strict';

  var LEAD = 'Please correct the form:';
  var SUBMISSION = /\/(submit-form|start|complete)\/?$/;
  var shownMessage = null;

  function isFormSubmission(config) {
    return config && config.method === 'POST' && SUBMISSION.test((config.url || '').split('?')[0]);
  }

  function problemsOf(data) {
    if (data && Array.isArray(data.problems) && data.problems.length) {
      return data.problems;
    }
    if (data && typeof data.message === 'string' && data.message.trim()) {
      return [data.message.replace(LEAD, '').trim()];
    }
    return [];
  }

  function clear() {
    var boxes = document.querySelectorAll('.rrp-refusal');
    for (var i = 0; i < boxes.length; i++) {
      boxes[i].parentNode.removeChild(boxes[i]);
    }
    shownMessage = null;
  }

  /** The buttons the person just pressed: the start dialog's footer, or the task form's actions. */
  function buttons() {
    return document.querySelector('.modal-dialog .modal-footer')
      || document.querySelector('[cam-tasklist-form] .form-actions')
      || document.querySelector('.form-actions');
  }

  /** The box's heading: "Please correct the form:" when the form is at fault, none when the case's state is. */
  function leadOf(data) {
    return data && typeof data.message === 'string' && data.message.indexOf(LEAD) !== 0 ? null : LEAD;
  }

  function show(problems, leadText) {
    var anchor = buttons();
    if (!anchor || !problems.length) {
      return false;
    }
    clear();
    var box = document.createElement('div');
    box.className = 'alert alert-danger rrp-refusal';
    box.setAttribute('role', 'alert');
    box.setAttribute('tabindex', '-1');
    if (leadText) {
      var lead = document.createElement('strong');
      lead.textContent = leadText;
      box.appendChild(lead);
    }
    var list = document.createElement('ul');
    problems.forEach(function (problem) {
      var item = document.createElement('li');
      item.textContent = problem;
      list.appendChild(item);
    });
    box.appendChild(list);
    anchor.parentNode.insertBefore(box, anchor);
    box.scrollIntoView({ block: 'nearest' });
    box.focus();
    return true;
  }

  function answered(method, url, status, text) {
    if (!isFormSubmission({ method: method, url: url })) {
      return;
    }
    if (status !== 400) {
      clear();
      return;
    }
    var data = {};
    try {
      data = JSON.parse(text || '{}');
    } catch (notJson) {
      return;
    }
    if (show(problemsOf(data), leadOf(data))) {
      shownMessage = typeof data.message === 'string' ? data.message : null;
    }
  }

  // Tasklist's forms submit through the engine client's own requests (not AngularJS's $http), so the answer is
  // read where every request passes: XMLHttpRequest.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.rrpRequest = { method: String(method).toUpperCase(), url: String(url) };
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this.rrpRequest;
    if (request) {
      this.addEventListener('load', function () {
        var text = this.responseType === '' || this.responseType === 'text' ? this.responseText : '';
        answered(request.method, request.url, this.status, text);
      });
    }
    return send.apply(this, arguments);
  };

  angular.module('rrp.tasklistRefusals', [])
    .config(['$provide', function ($provide) {
      $provide.decorator('Notifications', ['$delegate', function ($delegate) {
        var addError = $delegate.addError;
        $delegate.addError = function (notification) {
          if (shownMessage && notification && typeof notification.message === 'string'
              && notification.message.indexOf(shownMessage) !== -1) {
            return;
          }
          return addError.apply(this, arguments);
        };
        return $delegate;
      }]);
    }])
    .run(['$rootScope', function ($rootScope) {
      $rootScope.$on('$locationChangeSuccess', clear);
    }]);
});
