/** The app's routes; pages that need an account send signed-out visitors to sign-in and back. */
import { createRouter, createWebHistory } from 'vue-router'
import { token } from '../api/client.js'
import ChatPage from '../pages/ChatPage.vue'
import ForgotPasswordPage from '../pages/ForgotPasswordPage.vue'
import HomePage from '../pages/HomePage.vue'
import JoinPage from '../pages/JoinPage.vue'
import MentionsPage from '../pages/MentionsPage.vue'
import NotFoundPage from '../pages/NotFoundPage.vue'
import ResetPasswordPage from '../pages/ResetPasswordPage.vue'
import ProfilePage from '../pages/ProfilePage.vue'
import SignInPage from '../pages/SignInPage.vue'
import SignUpPage from '../pages/SignUpPage.vue'

/** Only same-site paths: a redirect query must not send anyone to another site. */
export function safeRedirect(value) {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/'
}

export const routes = [
  { path: '/', name: 'home', component: HomePage, meta: { requiresAuth: true } },
  { path: '/signin', name: 'signin', component: SignInPage, meta: { guestOnly: true } },
  { path: '/signup', name: 'signup', component: SignUpPage, meta: { guestOnly: true } },
  { path: '/forgot-password', name: 'forgot-password', component: ForgotPasswordPage, meta: { guestOnly: true } },
  // The link in a reset mail: it works signed in or out (the new password ends every other sign-in).
  { path: '/reset/:uid/:token', name: 'reset-password', component: ResetPasswordPage, props: true },
  { path: '/mentions', name: 'mentions', component: MentionsPage, meta: { requiresAuth: true } },
  { path: '/profile', name: 'profile', component: ProfilePage, meta: { requiresAuth: true } },
  { path: '/chats/:uri', name: 'chat', component: ChatPage, props: true, meta: { requiresAuth: true } },
  // The invite link: joining takes an account, so signed-out visitors sign in (or up) and come back here.
  { path: '/join/:code', name: 'join', component: JoinPage, props: true, meta: { requiresAuth: true } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundPage },
]

export function createAppRouter(history = createWebHistory()) {
  const router = createRouter({ history, routes })
  router.beforeEach((to) => {
    if (to.meta.requiresAuth && !token.value) return { name: 'signin', query: { redirect: to.fullPath } }
    if (to.meta.guestOnly && token.value) return safeRedirect(to.query.redirect)
  })
  return router
}
