import type { NotificationList } from '@yuanqu/contracts';
import { request } from './client';

export function listNotifications(): Promise<NotificationList> {
  return request<NotificationList>('/notifications');
}

export function markNotificationRead(id: string): Promise<{ read: number }> {
  return request(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', body: {} });
}

export function markAllNotificationsRead(): Promise<{ read: number }> {
  return request('/notifications/read-all', { method: 'POST', body: {} });
}
