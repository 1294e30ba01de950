/**
 * zego-status-kit/react/zh-CN: the Simplified Chinese catalog, on its own so
 * English-only apps never ship it.
 */
export { zhCN } from './i18n/zh-CN.js';
