/**
 * Simplified Chinese messages for `describeError`, in a module of their own
 * so English-only apps never bundle them. Sources of the codes: see
 * errors.ts. Import from `zego-status-kit/zh-CN`; the React catalog `zhCN`
 * (`zego-status-kit/react/zh-CN`) carries them too.
 */
import type { ErrorMessages } from './errors.js';

/**
 * `describeError`'s messages in Simplified Chinese.
 *
 * @example
 * ```ts
 * import { describeError } from 'zego-status-kit';
 * import { zhCNErrors } from 'zego-status-kit/zh-CN';
 *
 * describeError(1002050, zhCNErrors).message; // '您的账号已在其他设备进入房间，本设备已退出。'
 * describeError(4242, zhCNErrors).message;    // '未知错误（错误码 4242）。'
 * ```
 */
export const zhCNErrors: ErrorMessages = {
  locale: 'zh-CN',
  none: '没有错误',
  unknown: '未知错误（错误码 {code}）。',
  codes: {
    1000017: '网络连接中断，正在重连。',
    1002002: '未登录该房间，请检查房间 ID。',
    1002031: '连接房间超时，请检查网络后重试。',
    1002033: '登录凭证无效或已过期，请重新登录。',
    1002034: '房间人数已满，请稍后再试。',
    1002050: '您的账号已在其他设备进入房间，本设备已退出。',
    1002051: '房间连接中断，正在重连。',
    1002053: '重试超时仍无法连接房间，请检查网络后重新进入。',
    1002055: '您已被服务器移出房间。',
    1002077: '登录凭证与当前用户不符，请重新登录。',
    1002078: '登录凭证已过期，请重新登录。',
    1002082: '当前登录凭证没有推流权限。',
    1003020: '推流中断，正在重试。',
    1003021: '推流重试超时，请检查网络。',
    1003025: '服务器禁止推送该流。',
    1004002: '该流不存在，主播可能已停止推流。',
    1004020: '播放中断，正在重试。',
    1004025: '服务器禁止播放该流。',
    1102001: '与房间服务器失去联系，请检查网络。',
    1102016: '登录凭证无效，请重新登录。',
    1102018: '登录凭证已过期，请重新登录。',
    1103051: '推流重试超时已停止，请检查网络。',
    1104031: '播放重试超时已停止，请检查网络。',
    1104039: '未找到该流，主播可能已停止推流。',
    1006006: '摄像头或麦克风已被拔出，请重新插入或换用其他设备。',
    1103002: '当前浏览器无法采集音视频，请使用新版 Chrome、Edge、Firefox 或 Safari。',
    1103010: '屏幕共享启动失败，请重试。',
    1103042: '屏幕共享已取消，请选择要共享的屏幕或窗口。',
    1103043: '当前浏览器不支持屏幕共享，请使用新版桌面 Chrome、Edge 或 Firefox。',
    1103053: '使用摄像头和麦克风需要安全页面，请通过 HTTPS 打开本页。',
    1103061: '无法启动摄像头或麦克风，请检查设备后重试。',
    1103064: '摄像头或麦克风权限被禁止，请在浏览器的网站设置（以及系统隐私设置）中允许后重试。',
    1103065: '摄像头或麦克风被其他应用占用或无法启动，请关闭占用它的应用后重试。',
    1103066: '没有符合所需设置的摄像头或麦克风，请换用其他设备后重试。',
    1106007: '麦克风可能松动，请检查连接。',
    1106008: '摄像头可能松动，请检查连接。',
    1106009: '麦克风已停止工作，请检查后重新开启。',
    1106010: '摄像头已停止工作，请检查后重新开启。',
    NotAllowedError: '摄像头或麦克风权限被禁止，请在浏览器的网站设置（以及系统隐私设置）中允许后重试。',
    NotFoundError: '未找到摄像头或麦克风，请连接设备后重试。',
    NotReadableError: '摄像头或麦克风被其他应用占用或无法启动，请关闭占用它的应用后重试。',
    OverconstrainedError: '没有符合所需设置的摄像头或麦克风，请换用其他设备后重试。',
    SecurityError: '本页面不允许使用摄像头或麦克风，页面须通过 HTTPS 提供并获得网站授权。',
    AbortError: '无法启动摄像头或麦克风，请检查设备后重试。',
    screenSharingEnded: '屏幕共享已停止，如需继续请重新共享。',
  },
};
