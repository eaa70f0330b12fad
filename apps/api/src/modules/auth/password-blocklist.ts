/**
 * Passwords that appear at the top of every published leak list, with their common Chinese-keyboard
 * variants, compared after lower-casing and trimming leading/trailing digits and symbols.
 */
export const BLOCKED_PASSWORDS: ReadonlySet<string> = new Set([
  'password', 'passw0rd', 'p@ssword', 'p@ssw0rd', 'admin', 'administrator', 'root', 'qwerty', 'qwertyuiop',
  'asdfgh', 'asdfghjkl', 'zxcvbn', 'zxcvbnm', 'qazwsx', 'qweasd', 'qweasdzxc', 'abc', 'abcd', 'abcdef',
  'abcdefg', 'abcdefgh', 'letmein', 'welcome', 'iloveyou', 'monkey', 'dragon', 'master', 'sunshine', 'princess',
  'football', 'baseball', 'superman', 'trustno', 'shadow', 'michael', 'jennifer', 'hello', 'freedom', 'whatever',
  'login', 'test', 'tester', 'guest', 'user', 'changeme', 'default', 'secret', 'woaini', 'woaini1314', 'aini',
  'wangyang', 'zhang', 'wang', 'li', 'liu', 'chen', 'huang', 'zhao', 'aaaaaa', 'aaaaaaaa', 'abc123', 'a123456',
  'a1b2c3', 'aa123456', 'qq123456', 'q1w2e3r4', 'q1w2e3', '1q2w3e4r', 'zaq12wsx', 'xiaoming', 'huawei', 'china',
  'beijing', 'shanghai', 'jiangxi', 'computer', 'internet', 'server', 'system', 'manager', 'company',
]);

/** Words tied to this product and customer that must not be a password on their own. */
export const CONTEXT_WORDS: readonly string[] = ['yuanqu', 'chengdong', 'jiujiang', 'xunyang', 'gongye', 'guanwei', 'yuanqu@admin'];
