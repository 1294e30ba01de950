import { zhCNErrors } from '../../core/errors-zh-CN.js';
import type { MediaMessages, StatusMessages } from './messages.js';

/**
 * The Simplified Chinese catalog, in a module of its own so English-only apps
 * never ship it: import it from `zego-status-kit/react/zh-CN`.
 *
 * @example
 * ```tsx
 * import { zhCN } from 'zego-status-kit/react/zh-CN';
 * <StatusProvider store={store} messages={zhCN}><ReconnectingBanner /></StatusProvider>
 * ```
 */
export const zhCN: StatusMessages & MediaMessages = {
  locale: 'zh-CN',
  errors: zhCNErrors,
  durationSeconds: '{s} 秒',
  durationMinutes: '{m} 分 {s} 秒',
  durationHours: '{h} 小时 {m} 分',

  connecting: '正在连接…',
  connectingElapsed: '已尝试 {elapsed}',
  connectingRemaining: '{remaining}后停止尝试',
  reconnecting: '正在重新连接…',
  reconnectingElapsed: '已断开 {elapsed}',
  reconnectingRemaining: '{remaining}后停止重试',
  heartbeatTimedOut: '房间内其他人现在会看到你已离开。',
  reconnected: '已重新连接',
  loginFailed: '无法进入房间',
  reconnectFailed: '重新连接失败',
  errorCode: '错误码 {code}',
  retry: '重试',
  offline: '你已离线',
  tokenExpiring: '会话即将过期',
  tokenRemaining: '{remaining}后过期',
  tokenRenewFailed: '会话续期失败。',

  kickedTitle: '你已不在房间中',
  kickedElsewhere: '你的账号已在其他设备登录，本设备已退出房间。',
  kickedByServer: '你已被服务端移出房间。',
  rejoin: '重新加入',
  leave: '离开',

  streamWaiting: '主播连接中断，等待中…',
  streamEnded: '直播流已结束，等待主播…',
  streamDeleteReasons: {
    stopped: '主播已停止推流。',
    'heartbeat-timeout': '主播已失联 {elapsed}。',
    'repeated-login': '主播在其他设备登录。',
    kicked: '主播被移出房间。',
    disconnected: '主播已断开连接。',
    'removed-by-server': '该流已被服务端删除。',
  },
  streamRetrying: '{remaining}后重试',
  streamUnavailable: '流不可用',
  streamRoomFailed: '未连接到房间。',
  streamConnecting: '正在连接…',

  phaseLabel: '连接状态：{phase}',
  phases: {
    idle: '未连接',
    connecting: '连接中',
    connected: '已连接',
    reconnecting: '重新连接中',
    failed: '连接失败',
    kicked: '已被移出房间',
  },

  tapToPlay: '点击播放',
  turnOnSound: '开启声音',
  cameraOff: '{name}：摄像头已关闭',
  microphoneOff: '麦克风已关闭',
  weakNetwork: '网络不佳',
  stuttering: '视频卡顿',
  qualityLabel: '连接质量：{quality}',
  qualities: {
    unknown: '未知',
    excellent: '优',
    good: '良',
    middle: '中',
    poor: '差',
    die: '极差',
  },
  deviceFailed: '无法使用{device}',
  devices: {
    camera: '摄像头',
    microphone: '麦克风',
    speaker: '扬声器',
    screen: '屏幕共享',
    unknown: '摄像头或麦克风',
  },
};
