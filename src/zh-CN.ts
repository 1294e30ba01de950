/**
 * zego-status-kit/zh-CN: `describeError`'s Simplified Chinese messages, on
 * their own so English-only apps never ship them.
 */
export { zhCNErrors } from './core/errors-zh-CN.js';
