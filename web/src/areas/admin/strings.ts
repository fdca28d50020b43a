/**
 * The words of the users page: the list of users and the form that adds one. Part of the English
 * catalogue of strings.ts.
 */
export const adminStrings = {
  'users.title': 'Users',
  'users.intro': 'People and machine accounts that can use this instance.',
  'users.tableCaption': 'All users',
  'users.empty': 'There are no users yet.',
  'users.colName': 'Name',
  'users.colRole': 'Role',
  'users.colActor': 'Actor',
  'users.colStatus': 'Status',
  'users.colCreated': 'Created',
  'users.colActions': 'Actions',
  'users.enabled': 'Enabled',
  'users.disabledSince': 'Disabled since {date}',
  'users.noActor': '—',
  'users.roleFor': 'Role for {name}',
  'users.actorFor': 'Actor for {name}',
  'users.saveRole': 'Save role',
  'users.saveRoleFor': 'Save role for {name}',
  'users.disable': 'Disable',
  'users.disableFor': 'Disable {name}',
  'users.enable': 'Enable',
  'users.enableFor': 'Enable {name}',
  'users.updated': 'User {name} updated.',

  'userForm.title': 'Add a user',
  'userForm.name': 'User name',
  'userForm.nameHint': 'Lowercase letters, digits, “.”, “_” or “-”, starting with a letter.',
  'userForm.role': 'Role',
  'userForm.actor': 'Actor',
  'userForm.actorHint': 'The id of the guarantor actor this user acts for, for example GBR.',
  'userForm.password': 'Password (optional)',
  'userForm.passwordHint':
    'At least 10 characters. Leave empty to have a password generated and shown once.',
  'userForm.submit': 'Add user',
  'userForm.submitting': 'Adding…',
  'userForm.added': 'User {name} added.',
  'userForm.generatedTitle': 'Generated password for {name}',
} as const;
