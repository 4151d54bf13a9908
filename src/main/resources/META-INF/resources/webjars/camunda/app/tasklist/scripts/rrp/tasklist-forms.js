/*
 * rrp-workflow: Complete on Camunda Forms with dynamic lists.
 *
 * Tasklist 7.24 disables Complete whenever form-js reports any key in its errors, and form-js 1.8 reports an
 * empty entry for every field inside a dynamic list, so Complete stays greyed out on forms with lists
 * (participants, action plans). This module wraps the Camunda Forms directive's parent controller: a change
 * marks the form invalid only while the form shows a field error. Complete still validates the whole form
 * (form-js) before submitting, and the server checks every form again.
 */
define('rrp-tasklist-forms', ['angular'], function (angular) {
  'use strict';

  function showsFieldError(element) {
    var errors = element[0].querySelectorAll('.fjs-form-field-error');
    for (var i = 0; i < errors.length; i++) {
      if (errors[i].textContent && errors[i].textContent.trim()) {
        return true;
      }
    }
    return false;
  }

  angular.module('rrp.tasklistForms', []).config(['$provide', function ($provide) {
    $provide.decorator('camTasklistFormCamundaDirective', ['$delegate', function ($delegate) {
      var directive = $delegate[0];
      var link = directive.link;
      directive.compile = function () {
        return function (scope, element, attrs, formController) {
          var controller = Object.create(formController);
          controller.notifyFormValidated = function (invalid) {
            formController.notifyFormValidated(false);
            if (invalid) {
              setTimeout(function () {
                if (showsFieldError(element)) {
                  formController.notifyFormValidated(true);
                }
              }, 0);
            }
          };
          controller.notifyFormInitializationFailed = function (error) {
            return formController.notifyFormInitializationFailed(error);
          };
          return link.call(this, scope, element, attrs, controller);
        };
      };
      return $delegate;
    }]);
  }]);
});
